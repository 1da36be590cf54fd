package webdeps

import "testing"

func TestCut(t *testing.T) {
	for _, c := range []struct{ spec, name, version string }{
		{"@mozilla/readability@0.6.0", "@mozilla/readability", "0.6.0"},
		{"axe-core@4.14.1", "axe-core", "4.14.1"},
	} {
		name, version, ok := cut(c.spec)
		if !ok || name != c.name || version != c.version {
			t.Errorf("cut(%q) = %q, %q, %v", c.spec, name, version, ok)
		}
	}
	for _, bad := range []string{"axe-core", "@mozilla/readability", "axe-core@"} {
		if _, _, ok := cut(bad); ok {
			t.Errorf("cut(%q) accepted a spec without a version", bad)
		}
	}
	if got := safe("@mozilla/readability@0.6.0"); got != "mozilla_readability_0.6.0" {
		t.Errorf("safe = %q", got)
	}
}
