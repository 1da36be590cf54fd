package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Pruning of shared/gazetteers for the page: the lists ship inside the
// analyzer, so they keep what helps tell names apart in news.
const (
	minFirstNameBirths = 2000   // SSA and UK births; names from WGND alone are all kept (non-Anglophone names)
	minCityPopulation  = 100000 // cities; every country and first-level region is kept
)

// buildGazetteer reads the lists in dir and returns them in the form
// package gazetteer reads: "class<TAB>phrase" lines, sorted. A class
// ending in "?" marks names the list flags as also a common word or
// first name ("Charlotte", "Reading").
func buildGazetteer(dir string) (string, error) {
	lines := map[string]bool{}
	add := func(class, phrase string) {
		phrase = strings.Join(strings.Fields(phrase), " ")
		if phrase != "" && !strings.ContainsAny(phrase, "\t\n") {
			lines[class+"\t"+phrase] = true
		}
	}
	readers := []struct {
		file string
		row  func(r map[string]string)
	}{
		{"first-names.tsv", func(r map[string]string) {
			f, _ := strconv.Atoi(r["female_count"])
			m, _ := strconv.Atoi(r["male_count"])
			if f+m >= minFirstNameBirths || r["source"] == "WGND1" {
				add("fn", r["name"])
			}
		}},
		{"surnames-us-top1000.tsv", func(r map[string]string) { add("sn", titleCase(r["surname"])) }},
		{"places.tsv", func(r map[string]string) {
			pop, _ := strconv.Atoi(r["population"])
			if r["kind"] == "city" && pop < minCityPopulation {
				return
			}
			add(r["kind"]+ambiguous(r["ambiguous"] == "1"), r["name"])
		}},
		{"organizations.txt", func(r map[string]string) {
			if r["type"] != "university" {
				add("org"+ambiguous(r["ambiguous"] != ""), r["name"])
			}
		}},
		{"org-keywords.tsv", func(r map[string]string) { add("orgkw", r["token"]) }},
		{"org-suffixes.tsv", func(r map[string]string) { add("orgsfx", r["term"]) }},
		{"demonyms.tsv", func(r map[string]string) { add("demonym", r["demonym"]) }},
		{"person-titles.tsv", func(r map[string]string) { add(r["kind"], r["term"]) }},
	}
	for _, rd := range readers {
		if err := readTSV(filepath.Join(dir, rd.file), rd.row); err != nil {
			return "", err
		}
	}
	out := make([]string, 0, len(lines))
	for l := range lines {
		out = append(out, l)
	}
	slices.Sort(out)
	return "# Built by cmd/train-entities from shared/gazetteers; see docs/MODEL.md for sources and licences.\n" +
		"# Contains data from GeoNames (geonames.org), CC BY 4.0.\n" + strings.Join(out, "\n") + "\n", nil
}

func ambiguous(yes bool) string {
	if yes {
		return "?"
	}
	return ""
}

// titleCase writes "SMITH" or "smith" as "Smith".
func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

// readTSV calls row for each line of a tab-separated file with a header
// row, as a map from column name to value.
func readTSV(path string, row func(map[string]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		m := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		row(m)
	}
}
