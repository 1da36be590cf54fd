// Command serve serves the Lede web page from a local directory, for trying
// the page out and for development.
//
// Usage:
//
//	serve [-addr localhost:8080] [-dir web]
//
// The directory must hold the build outputs main.wasm and wasm_exec.js
// next to the page's own files ("make build" puts them in web/), or be a
// folder written by "make dist", where they carry their hash in their
// names and have precompressed siblings, which are served to browsers
// that accept them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"lede/internal/site"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("serve: ")
	addr := flag.String("addr", "localhost:8080", "`address` to listen on")
	dir := flag.String("dir", "web", "`directory` holding the site")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: serve [-addr host:port] [-dir directory]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}

	if err := checkDir(*dir); err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{
		Handler:           site.Handler(*dir),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()

	fmt.Printf("Lede is served at %s\n", pageURL(*addr, ln.Addr()))
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// checkDir reports a helpful error when dir lacks the build outputs, which
// are not in the repository: without them the page loads but never gets
// ready.
func checkDir(dir string) error {
	for _, pattern := range []string{"index.html", "main*.wasm", "wasm_exec*.js"} {
		found, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			return err
		}
		if len(found) == 0 {
			return fmt.Errorf("%s is missing: run make build first", filepath.Join(dir, strings.ReplaceAll(pattern, "*", "")))
		}
	}
	return nil
}

// pageURL returns the URL to print for the listener: the host as the user
// wrote it (so "localhost" stays "localhost"), localhost for wildcard
// addresses, and the port actually bound (which differs for port 0).
func pageURL(flagAddr string, bound net.Addr) string {
	host, _, err := net.SplitHostPort(flagAddr)
	if err != nil {
		host = ""
	}
	switch host {
	case "", "0.0.0.0", "::":
		host = "localhost"
	}
	port := "80"
	if tcp, ok := bound.(*net.TCPAddr); ok {
		port = fmt.Sprint(tcp.Port)
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
