// Command gen-firstnames writes the first-name list that Lede's gender
// evidence reads (internal/lexicon/first-name-shares.txt) from
// ../shared/gazetteers/first-names.tsv:
//
//	go run ./cmd/gen-firstnames -shared ../shared
//
// It keeps the names with at least -min births in the US and UK records
// (the SSA and UK counts; the WGND-only tail has none), each with the
// share of those births that were girls', in whole percent.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const header = `# First names and the share of their bearers who are women, in whole percent,
# from US and UK birth records: names given to at least %d babies.
# Written by cmd/gen-firstnames from ../shared/gazetteers/first-names.tsv. Sources:
# US Social Security Administration national baby names 1880-2023 (a US
# government work, public domain); England & Wales ONS, Scotland NRS and
# Northern Ireland NISRA baby names 1974-2020, via the ukbabynames package (CC0).
# Contains public sector information licensed under the Open Government Licence v3.0.
`

func main() {
	shared := flag.String("shared", "../shared", "the shared directory, holding gazetteers/")
	out := flag.String("o", "internal/lexicon/first-name-shares.txt", "where to write the list")
	minBirths := flag.Int("min", 2000, "the fewest births a name needs to be kept")
	flag.Parse()
	if err := run(filepath.Join(*shared, "gazetteers", "first-names.tsv"), *out, *minBirths); err != nil {
		fmt.Fprintln(os.Stderr, "gen-firstnames:", err)
		os.Exit(1)
	}
}

func run(in, out string, minBirths int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var b strings.Builder
	fmt.Fprintf(&b, header, minBirths)
	sc := bufio.NewScanner(f)
	kept := 0
	for line := 0; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 0 || len(cols) < 3 {
			continue
		}
		female, err1 := strconv.Atoi(cols[1])
		male, err2 := strconv.Atoi(cols[2])
		if err1 != nil || err2 != nil || female+male < minBirths || strings.ContainsAny(cols[0], " \t") {
			continue // no counts (the WGND-only tail), or too few births
		}
		fmt.Fprintf(&b, "%s %d\n", cols[0], (100*female+(female+male)/2)/(female+male))
		kept++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d names\n", kept)
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
