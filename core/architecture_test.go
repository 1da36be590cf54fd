package core

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// deps lists the packages that pkg imports, directly or not.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

// The stages that need no model import neither prose nor the models, so
// that the first-look analyzer (wasm/firstlook) is built from them alone
// (docs/ARCHITECTURE.md).
func TestModelFreeStagesImportNoModel(t *testing.T) {
	forbidden := []string{"github.com/jdkato/prose/v2", "lede/internal/tokenize", "lede/internal/postag", "lede/internal/nertag", "lede/internal/attrtag"}
	for _, pkg := range []string{"lede/core/firstlook", "lede/core/result", "lede/core/memory", "lede/core/internal/segment",
		"lede/core/internal/quotes", "lede/core/internal/names", "lede/core/internal/wordlists",
		"lede/internal/lexicon", "lede/internal/token", "lede/internal/vocab", "lede/internal/wordutil"} {
		for _, d := range deps(t, pkg) {
			if slices.Contains(forbidden, d) {
				t.Errorf("%s imports %s", pkg, d)
			}
		}
	}
}

// Imports follow the pipeline: no stage reaches back up into core.
func TestNoStageImportsCore(t *testing.T) {
	out, err := exec.Command("go", "list", "lede/core/...", "lede/internal/...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "lede/core" {
			continue
		}
		if slices.Contains(deps(t, pkg), "lede/core") {
			t.Errorf("%s imports lede/core", pkg)
		}
	}
}
