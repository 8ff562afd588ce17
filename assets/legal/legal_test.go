package legal

import (
	"os"
	"strings"
	"testing"
)

// TestRootCopy: the root THIRD_PARTY_NOTICES.md (shipped beside the binary) is the embedded text.
func TestRootCopy(t *testing.T) {
	root, err := os.ReadFile("../../THIRD_PARTY_NOTICES.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(root) != Notices() {
		t.Fatal("THIRD_PARTY_NOTICES.md differs from assets/legal/THIRD_PARTY_NOTICES.md: run assets/legal/mknotices.sh")
	}
}

// TestDirectModules: every module of go.mod's require block (direct dependencies) is in
// the notices with its version, and the notices name the embedded fonts and dictionaries.
func TestDirectModules(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	in := false
	for _, line := range strings.Split(string(mod), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "require ("):
			in = true
		case line == ")":
			in = false
		case in && line != "" && !strings.Contains(line, "// indirect"):
			f := strings.Fields(line)
			n++
			if !strings.Contains(Notices(), "| "+f[0]+" | "+f[1]+" |") {
				t.Errorf("go.mod requires %s %s, missing from the notices: run assets/legal/mknotices.sh", f[0], f[1])
			}
		}
	}
	if n < 5 {
		t.Fatalf("read %d direct modules from go.mod", n)
	}
	for _, s := range []string{"DejaVu", "MPL-2.0", "SCOWL", "Grammalecte", "see text"} {
		if got := strings.Contains(Notices(), s); got != (s != "see text") {
			t.Errorf("notices contain %q: %v", s, got)
		}
	}
	lic, err := os.ReadFile("../../LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(lic), "Apache License\n                           Version 2.0") || Licence != "Apache License 2.0" {
		t.Error("LICENSE is not the Apache License 2.0 named by Licence")
	}
}
