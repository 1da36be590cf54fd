// Command eval measures the analyzer in lede/core against the evaluation
// data in shared/eval and prints the scores as text, followed by one line of
// JSON with the headline numbers for before/after comparisons.
//
//	eval [-shared DIR] [-only seed,polnear,conll] [-split dev|train] [-v] [-n 40] [-conll-limit N]
//
// The scores follow shared/eval/README.md:
//
//   - Seed article: entity mentions by exact span and type (PERSON, ORG,
//     PLACE; optional spans and NORP not scored) and the 11 gold quotes:
//     found, exact, false positives, speaker by entity.
//   - PolNeAR: direct quotes (content spans wholly in quote marks), found,
//     exact and speaker accuracy against the attribution's source; and
//     every attribution by kind (direct, mixed, indirect).
//   - Held out: every attribution by kind in Reuters articles of 1996
//     (hand-made gold in gold/reported), speakers by name.
//   - CoNLL-2003: entity mentions by exact span and type on the documents
//     rebuilt as text (MISC not scored).
//
// The rules for the points the README leaves open are written on the
// scoring functions: scoreEntities, scoreSeed and alignEntity, whollyQuoted,
// directUnits and scorePolnear, decodeIOB and buildConllDoc.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"lede/core"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// sections are the parts of the evaluation, in the order they run.
var sections = []string{"seed", "polnear", "attributions", "reported", "conll", "ner", "cards", "speakers"}

// listFlag is a flag that may be repeated and takes comma-separated values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for s := range strings.SplitSeq(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// options are the command-line flags.
type options struct {
	shared     string
	verbose    bool
	n          int
	only       listFlag
	split      string
	conllLimit int
}

// run is the command with its arguments and outputs; it returns the exit
// code.
func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.shared, "shared", "../shared", "the shared directory, holding eval/ and samples/")
	fs.BoolVar(&o.verbose, "v", false, "list the errors (at most -n of each kind)")
	fs.IntVar(&o.n, "n", 40, "with -v, how many errors to list")
	fs.Var(&o.only, "only", "run only these sections: "+strings.Join(sections, ", ")+" (repeatable or comma-separated)")
	fs.StringVar(&o.split, "split", "dev", "PolNeAR split: dev or train")
	fs.IntVar(&o.conllLimit, "conll-limit", 0, "score only the first N CoNLL documents (0: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eval: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if o.split != "dev" && o.split != "train" {
		fmt.Fprintf(stderr, "eval: -split must be dev or train, not %q\n", o.split)
		return 2
	}
	for _, s := range o.only {
		if !slices.Contains(sections, s) {
			fmt.Fprintf(stderr, "eval: unknown section %q in -only (want %s)\n", s, strings.Join(sections, ", "))
			return 2
		}
	}
	head := map[string]any{}
	for _, s := range sections {
		if len(o.only) > 0 && !slices.Contains(o.only, s) {
			continue
		}
		t0 := time.Now()
		var err error
		switch s {
		case "seed":
			err = evalSeed(o, stdout, head)
		case "polnear":
			err = evalPolnear(o, stdout, head)
		case "attributions":
			err = evalAttributions(o, stdout, head)
		case "reported":
			err = evalReported(o, stdout, head)
		case "conll":
			err = evalConll(o, stdout, head)
		case "ner":
			err = evalNER(o, stdout, head)
		case "cards":
			err = evalCards(o, stdout, head)
		case "speakers":
			err = evalSpeakers(o, stdout, head)
		}
		if err != nil {
			fmt.Fprintf(stderr, "eval: %s: %v\n", s, err)
			return 1
		}
		secs := time.Since(t0).Seconds()
		head[s+"_seconds"] = round(secs, 2)
		fmt.Fprintf(stdout, "  time: %.2f s\n\n", secs)
	}
	b, err := json.Marshal(head)
	if err != nil {
		fmt.Fprintf(stderr, "eval: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n", b)
	return 0
}

// round rounds x to d decimals, for the JSON line.
func round(x float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(x*p) / p
}

// printEntityTable prints counts and P/R/F1 by type and micro-averaged.
func printEntityTable(w io.Writer, s *entityScore) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  type\tgold\tpred\tTP\tFP\tFN\tP\tR\tF1\t")
	row := func(name string, c counts) {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n",
			name, c.tp+c.fn, c.tp+c.fp, c.tp, c.fp, c.fn, c.precision(), c.recall(), c.f1())
	}
	for _, t := range entityTypes {
		row(t, *s.byType[t])
	}
	row("micro", s.micro())
	tw.Flush()
}

// putEntityHead adds the entity headline numbers: micro P/R/F1 as
// micro_p, micro_r, micro_f1 and the F1 of each type as prefix_type_f1.
func putEntityHead(head map[string]any, micro, prefix string, s *entityScore) {
	m := s.micro()
	head[micro+"_p"] = round(m.precision(), 4)
	head[micro+"_r"] = round(m.recall(), 4)
	head[micro+"_f1"] = round(m.f1(), 4)
	for _, t := range entityTypes {
		head[prefix+"_"+strings.ToLower(t)+"_f1"] = round(s.byType[t].f1(), 4)
	}
}

func evalSeed(o options, w io.Writer, head map[string]any) error {
	d, err := loadSeed(o.shared)
	if err != nil {
		return err
	}
	res, err := core.Analyze(d.text)
	if err != nil {
		return err
	}
	s := scoreSeed(d, quotationsOnly(res))
	fmt.Fprintf(w, "== Seed article (%d bytes) ==\n", len(d.text))
	fmt.Fprintln(w, "Entities: exact span and type; optional spans, NORP spans and NORP predictions not scored")
	printEntityTable(w, s.entities)
	if o.verbose {
		for i, e := range s.entities.fps {
			if i == o.n {
				break
			}
			fmt.Fprintf(w, "    FP %-6s %5d-%-5d %q\n", e.typ, e.start, e.end, d.text[e.start:e.end])
		}
		for i, e := range s.entities.fns {
			if i == o.n {
				break
			}
			fmt.Fprintf(w, "    FN %-6s %5d-%-5d %q\n", e.typ, e.start, e.end, d.text[e.start:e.end])
		}
	}
	found := s.count(func(q seedQuoteResult) bool { return q.found })
	exact := s.count(func(q seedQuoteResult) bool { return q.exact })
	right := s.count(func(q seedQuoteResult) bool { return q.speakerRight })
	p := ratio(s.predQ-len(s.fpQ), s.predQ)
	r := ratio(found, len(d.quotes))
	fmt.Fprintln(w, "Quotes: found when one predicted quote covers half of the gold one; speakers compared by entity")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  gold\t%d\n", len(d.quotes))
	fmt.Fprintf(tw, "  predicted\t%d\n", s.predQ)
	fmt.Fprintf(tw, "  found\t%d/%d\t(recall %.3f, precision %.3f, F1 %.3f)\n", found, len(d.quotes), r, p, f1(p, r))
	fmt.Fprintf(tw, "  exact span\t%d/%d\n", exact, len(d.quotes))
	fmt.Fprintf(tw, "  false positives\t%d\n", len(s.fpQ))
	fmt.Fprintf(tw, "  speakers right\t%d/%d\t(of found: %d/%d)\n", right, len(d.quotes), right, found)
	tw.Flush()
	if o.verbose {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "  each gold quote (✓ found with the right speaker; span: exact, or the found quote's offsets)")
		fmt.Fprintln(tw, "    \tquote\tkind\tgold speaker\tpredicted speaker\tmethod\tspan")
		for _, q := range s.quotes {
			mark, spk, method, sp := "✗", "-", "-", "-"
			if q.found {
				method = q.pred.Method
				spk = q.predSpeaker
				if spk == "" {
					spk = "(none)"
				}
				if q.speakerRight {
					mark = "✓"
				}
				sp = "exact"
				if !q.exact {
					sp = fmt.Sprintf("%d-%d", q.pred.Start, q.pred.End)
				}
			}
			fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\t%s\t%s\n", mark,
				truncate(d.text[q.gold.start:q.gold.end], 40), q.gold.kind, q.gold.speaker, spk, method, sp)
		}
		tw.Flush()
		for _, q := range s.fpQ {
			fmt.Fprintf(w, "    FP quote %d-%d %s %q\n", q.Start, q.End, q.Kind, truncate(d.text[q.Start:q.End], 60))
		}
	}
	putEntityHead(head, "seed_entity", "seed", s.entities)
	head["seed_quotes_gold"] = len(d.quotes)
	head["seed_quotes_found"] = found
	head["seed_quotes_exact"] = exact
	head["seed_quotes_fp"] = len(s.fpQ)
	head["seed_speakers_right"] = right
	return nil
}

func evalPolnear(o options, w io.Writer, head map[string]any) error {
	path := filepath.Join(o.shared, "eval", "polnear", o.split+".jsonl")
	docs, err := loadPolnear(path)
	if err != nil {
		return err
	}
	type out struct {
		s   *pnScore
		err error
	}
	outs := parallelMap(docs, func(d pnDoc) out {
		res, err := core.Analyze(d.Text)
		return out{scorePolnear(d, quotationsOnly(res)), err}
	})
	s := &pnScore{}
	nerr := 0
	for _, x := range outs {
		if x.err != nil {
			nerr++
		}
		s.add(x.s)
	}
	fmt.Fprintf(w, "== PolNeAR %s (%d documents) ==\n", o.split, s.docs)
	if nerr > 0 {
		fmt.Fprintf(w, "  analyzer errors: %d documents (scored as empty)\n", nerr)
	}
	fmt.Fprintln(w, "Direct quotes: gold = content spans wholly in quote marks")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  gold units\t%d\n", s.gold)
	fmt.Fprintf(tw, "  found\t%d\t(by a quote of any kind covering half)\n", s.found)
	fmt.Fprintf(tw, "  predicted direct\t%d\t(%d at least half inside a content)\n", s.pred, s.predRight)
	fmt.Fprintf(tw, "  P / R / F1\t%.3f / %.3f / %.3f\n", s.precision(), s.recall(), s.f1())
	fmt.Fprintf(tw, "  exact recall\t%.3f\t(%d/%d gold; %.3f of found)\n", s.exactRecall(), s.exact, s.gold, ratio(s.exact, s.found))
	fmt.Fprintf(tw, "  speaker accuracy\t%.3f\t(%d/%d found with a gold source; %d found without one not scored)\n",
		s.speakerAcc(), s.speaker, s.withSource, s.sourceless)
	fmt.Fprintf(tw, "  no speaker\t%d\t(found quotes naming nobody)\n", s.noSpeaker)
	tw.Flush()
	if len(s.methods) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "  method\tquotes\tright\taccuracy\t")
		names := make([]string, 0, len(s.methods))
		for m := range s.methods {
			names = append(names, m)
		}
		slices.Sort(names)
		for _, m := range names {
			c := s.methods[m]
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%.3f\t\n", m, c.n, c.right, ratio(c.right, c.n))
		}
		tw.Flush()
	}
	if o.verbose && len(s.misses) > 0 {
		fmt.Fprintf(w, "Misses (first %d of %d)\n", min(o.n, len(s.misses)), len(s.misses))
		for i, m := range s.misses {
			if i == o.n {
				break
			}
			fmt.Fprintf(w, "  [%s] %s\n", m.what, m.doc)
			fmt.Fprintf(w, "      gold:    %s\n", truncate(m.gold, 100))
			if m.pred != "" {
				fmt.Fprintf(w, "      found:   %s\n", truncate(m.pred, 100))
			}
			fmt.Fprintf(w, "      source:  %s\n", truncate(m.source, 60))
			if m.what != "not found" {
				fmt.Fprintf(w, "      speaker: %s   method: %s\n", orDash(m.mention), m.method)
			}
		}
	}
	head["polnear_split"] = o.split
	head["polnear_direct_p"] = round(s.precision(), 4)
	head["polnear_direct_r"] = round(s.recall(), 4)
	head["polnear_direct_f1"] = round(s.f1(), 4)
	head["polnear_exact"] = round(s.exactRecall(), 4)
	head["polnear_speaker_acc"] = round(s.speakerAcc(), 4)
	head["polnear_no_speaker"] = s.noSpeaker
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func evalConll(o options, w io.Writer, head map[string]any) error {
	path := filepath.Join(o.shared, "eval", "conll2003-dev.txt")
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	docs, err := parseCoNLL(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if o.conllLimit > 0 && o.conllLimit < len(docs) {
		docs = docs[:o.conllLimit]
	}
	total, outs, nerr := scoreConllDocs(docs)
	fmt.Fprintf(w, "== CoNLL-2003 dev (%d documents) ==\n", len(docs))
	if nerr > 0 {
		fmt.Fprintf(w, "  analyzer errors: %d documents (scored as empty)\n", nerr)
	}
	fmt.Fprintln(w, "Entities: exact span and type; PER=PERSON, LOC=PLACE, ORG=ORG; MISC not scored")
	printEntityTable(w, total)
	if o.verbose {
		shown := 0
		for i, x := range outs {
			for _, l := range []struct {
				what string
				ts   []typedSpan
			}{{"FP", x.s.fps}, {"FN", x.s.fns}} {
				for _, e := range l.ts {
					if shown == o.n {
						break
					}
					shown++
					fmt.Fprintf(w, "    doc %-4d %s %-6s %q\n", i+1, l.what, e.typ, docs[i].text[e.start:e.end])
				}
			}
		}
	}
	putEntityHead(head, "conll", "conll", total)
	return nil
}
