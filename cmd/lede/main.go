// Command lede prints who is named and who said what in a news text, as
// the JSON result described in shared/SCHEMA.md (UTF-8 byte offsets).
//
//	lede [FILE]            analyse FILE, or standard input, print one result
//	lede --jsonl [FILE]    analyse many texts, one JSON object a line
//
// See usage below for the JSONL format.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"unicode/utf8"

	"lede/core"
	"lede/core/memory"
	"lede/core/result"
)

const usage = `Usage:
  lede [--compact] [FILE]
  lede --jsonl [FILE]

lede finds the people, organizations and places named in a news text and the
quotations attributed to them, and prints the result as JSON (the shape is in
SCHEMA.md; offsets are UTF-8 byte offsets, end exclusive).

With FILE it reads that file, otherwise standard input. The text must be UTF-8
and at most %d bytes.

--jsonl reads one JSON object a line, {"id": ANY, "text": "..."}, and writes
one line for each, in input order:
  {"id": ANY, "result": {...}}   or   {"id": ANY, "error": "..."}
A line that cannot be read gets an error line, with its id whenever the id
can be read ("id": null otherwise) and "line": its line number; blank lines
are skipped. A text must be valid UTF-8 as in file mode: a line whose text
holds bytes that are not UTF-8, or a \u escape of a lone surrogate, is
refused with the byte offset in the line, never analysed with U+FFFD in
their place. Texts are analysed on all cores.

Memory: each text analysed at once may take up to about 360 MB (the Go
runtime's soft limit is set to that times --workers; GOMEMLIMIT overrides it).

Exit status: 0 when everything was analysed, 1 when any text or line failed,
2 for a usage or I/O error.

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// limitMemory sets the runtime's soft memory limit to what texts analysed
// at once need (memory.Limit each), unless GOMEMLIMIT sets one.
func limitMemory(atOnce int) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(atOnce) * memory.Limit)
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lede", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, "read and write JSON lines")
	compact := fs.Bool("compact", false, "print the single result on one line")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "texts analysed at once with --jsonl")
	fs.Usage = func() {
		fmt.Fprintf(stderr, usage, core.MaxInputBytes)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "lede: give at most one FILE (see lede --help)")
		return 2
	}
	in, name := stdin, "standard input"
	if fs.NArg() == 1 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "lede: %v\n", err)
			return 2
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *jsonl {
		if *workers < 1 {
			*workers = 1
		}
		limitMemory(*workers)
		failed, err := runJSONL(in, out, *workers)
		if err != nil {
			fmt.Fprintf(stderr, "lede: %s: %v\n", name, err)
			return 2
		}
		if failed > 0 {
			fmt.Fprintf(stderr, "lede: %d of the inputs failed (see their error lines)\n", failed)
			return 1
		}
		return 0
	}
	limitMemory(1)
	return runOne(in, name, out, stderr, *compact)
}

func runOne(in io.Reader, name string, out io.Writer, stderr io.Writer, compact bool) int {
	// Read one byte past the limit, so a huge input is refused without
	// reading it all.
	b, err := io.ReadAll(io.LimitReader(in, core.MaxInputBytes+1))
	if err != nil {
		fmt.Fprintf(stderr, "lede: %s: %v\n", name, err)
		return 2
	}
	if len(b) > core.MaxInputBytes {
		fmt.Fprintf(stderr, "lede: %s: %v: more than %d bytes\n", name, core.ErrTooLarge, core.MaxInputBytes)
		return 1
	}
	res, err := analyzeSafely(string(b))
	if err != nil {
		fmt.Fprintf(stderr, "lede: %s: %v\n", name, err)
		return 1
	}
	// One entity or quote at a time: the JSON of a large result is as
	// big as the result again.
	bw := bufio.NewWriterSize(out, 1<<16)
	err = result.WriteJSON(bw, &res, !compact, false)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "lede: %v\n", err)
		return 2
	}
	return 0
}

// maxLine bounds one JSONL line: the largest text, escaped, with room to
// spare. A longer line gets an error line; reading goes on after it.
const maxLine = 8*core.MaxInputBytes + 4096

type job struct {
	line    int
	raw     []byte
	tooLong bool
	done    chan answered
}

type answered struct {
	line   []byte
	failed bool
}

type lineOut struct {
	ID     json.RawMessage `json:"id"`
	Line   int             `json:"line,omitempty"`
	Result *core.Result    `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// runJSONL analyses lines on workers goroutines and writes the answers in
// input order. It returns how many lines failed; err is for reading.
func runJSONL(in io.Reader, out io.Writer, workers int) (failed int, err error) {
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- answer(j)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		r := bufio.NewReaderSize(in, 1<<16)
		for n := 1; ; n++ {
			raw, tooLong, err := readLine(r)
			if len(bytes.TrimSpace(raw)) > 0 || tooLong {
				j := &job{line: n, raw: raw, tooLong: tooLong, done: make(chan answered, 1)}
				order <- j
				jobs <- j
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
		}
	}()
	for j := range order {
		a := <-j.done
		if a.failed {
			failed++
		}
		out.Write(a.line)
	}
	wg.Wait()
	return failed, readErr
}

// readLine reads one line without its end. A line over maxLine is read to
// its end and dropped, and reported as too long.
func readLine(r *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > maxLine {
				line, tooLong = nil, true
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// analyzeSafely is core.Analyze with a bug in the analyzer reported as
// an error, as a JSONL line reports it, rather than a crash.
func analyzeSafely(text string) (res core.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return core.Analyze(text)
}

// answer analyses one line and returns the line to write for it.
func answer(j *job) answered {
	var o lineOut
	o.ID = json.RawMessage("null")
	func() {
		defer func() {
			if p := recover(); p != nil {
				o.Result, o.Error = nil, fmt.Sprintf("internal error: %v", p)
			}
		}()
		if j.tooLong {
			o.Line, o.Error = j.line, fmt.Sprintf("line %d: longer than %d bytes", j.line, maxLine)
			return
		}
		// The id is read first and on its own, so that a line whose text
		// is bad still answers with its id.
		var in struct {
			ID   json.RawMessage `json:"id"`
			Text json.RawMessage `json:"text"`
		}
		if err := json.Unmarshal(j.raw, &in); err != nil {
			o.Line, o.Error = j.line, fmt.Sprintf("line %d: not a JSON object {\"id\", \"text\"}: %v", j.line, err)
			return
		}
		if len(in.ID) > 0 {
			o.ID = in.ID
		}
		var text string
		if len(in.Text) == 0 || in.Text[0] != '"' || json.Unmarshal(in.Text, &text) != nil {
			o.Line, o.Error = j.line, fmt.Sprintf("line %d: no \"text\" string", j.line)
			return
		}
		// JSON decoding would turn bad bytes and lone surrogates into
		// U+FFFD and analyse a text that is not the one given; file mode
		// refuses such a text, and so does this.
		if off := invalidInString(in.Text); off >= 0 {
			o.Line, o.Error = j.line, fmt.Sprintf("line %d: %v: bad byte or lone surrogate at byte %d of the line", j.line, core.ErrInvalidUTF8, bytes.Index(j.raw, in.Text)+off)
			return
		}
		res, err := core.Analyze(text)
		if err != nil {
			o.Line, o.Error = j.line, err.Error()
			return
		}
		o.Result = &res
	}()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(o); err != nil {
		return answered{fmt.Appendf(nil, "{\"id\":null,\"line\":%d,\"error\":%q}\n", j.line, err.Error()), true}
	}
	return answered{buf.Bytes(), o.Error != ""}
}

// invalidInString returns the byte offset, within the JSON string s (its
// quote marks included), of the first byte that is not valid UTF-8 or of
// the first \u escape of a lone surrogate, or -1 when there is none.
func invalidInString(s []byte) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			if s[i+1] != 'u' || i+6 > len(s) {
				i += 2
				continue
			}
			r := hexRune(s[i+2 : i+6])
			switch {
			case r >= 0xD800 && r < 0xDC00:
				if i+12 > len(s) || s[i+6] != '\\' || s[i+7] != 'u' {
					return i
				}
				if low := hexRune(s[i+8 : i+12]); low < 0xDC00 || low > 0xDFFF {
					return i
				}
				i += 12
			case r >= 0xDC00 && r <= 0xDFFF:
				return i
			default:
				i += 6
			}
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// hexRune reads four hex digits, or returns -1.
func hexRune(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return -1
		}
	}
	return r
}
