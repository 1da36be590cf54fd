// Command webdeps installs the page's npm dependencies (pinned in
// internal/webdeps) into a cache folder and writes the page's copy of
// Readability into the site's folder. make build runs it.
//
//	go run ./cmd/webdeps -cache bin/npm -o web
package main

import (
	"flag"
	"fmt"
	"os"

	"lede/internal/webdeps"
)

func main() {
	cache := flag.String("cache", "bin/npm", "where npm's packages are kept between builds")
	out := flag.String("o", "web", "the site's folder, where "+webdeps.ModuleName+" is written")
	flag.Parse()
	if err := webdeps.WriteReadability(*cache, *out); err != nil {
		fmt.Fprintln(os.Stderr, "webdeps:", err)
		os.Exit(1)
	}
}
