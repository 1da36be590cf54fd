package boundary

import (
	"errors"
	"io"
	"runtime/debug"
	"strings"

	"lede/core/result"
)

// An Analysis is one of the analyzers' entry points: core's Analyze or
// QuickAnalyze, or firstlook's.
type Analysis func(text string) (result.Result, error)

// WriteResult analyses text with fn, converts the offsets to UTF-16 and
// writes the result as JSON to w, a piece at a time (see
// result.WriteJSON); on an error, what it wrote is not a result. A panic
// in fn becomes an error, because a Go panic would end the wasm program
// and every later call with it. pause, if not nil, is called before the
// encoding, which makes garbage of its own.
func WriteResult(w io.Writer, text string, fn Analysis, pause func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errors.New("internal error in the analyzer: " + panicMessage(p))
			// Keep the stack where a developer can see it, in the console.
			println(string(debug.Stack()))
		}
	}()
	res, err := fn(text)
	if err != nil {
		return err
	}
	ToUTF16(text, &res)
	if pause != nil {
		pause()
	}
	return result.WriteJSON(w, &res, false, true)
}

// JSON is WriteResult into a string: the whole boundary in plain Go, so
// that it can be tested natively.
func JSON(text string, fn Analysis, pause func()) (string, error) {
	var b strings.Builder
	err := WriteResult(&b, text, fn, pause)
	return b.String(), err
}

// panicMessage says what a panic's value says, without fmt (which would
// link a sixth of the first-look analyzer's download): runtime errors and
// other errors by their message, strings as they are.
func panicMessage(p any) string {
	switch v := p.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "a panic of an unexpected kind"
}
