//go:build !(js && wasm)

package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The first-look analyzer must stay small: neither prose (whose model
// data alone is 5 MB compressed) nor Lede's models may be linked in.
func TestFirstLookLinksNoModel(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, pkg := range []string{"github.com/jdkato/prose/v2", "lede/internal/tokenize", "lede/internal/postag", "lede/internal/nertag", "lede/internal/attrtag", "lede/core"} {
		if slices.Contains(deps, pkg) {
			t.Errorf("the first-look analyzer imports %s", pkg)
		}
	}
}
