package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCatalogueComplete(t *testing.T) {
	c := Default()
	for _, l := range Languages {
		if len(c[l]) == 0 {
			t.Fatalf("no %s messages", l)
		}
	}
	for _, a := range Languages {
		for _, b := range Languages {
			for k := range c[a] {
				if _, ok := c[b][k]; !ok {
					t.Errorf("key %q is in %s but not in %s", k, a, b)
				}
			}
		}
	}
	// The same {parameters} on both sides, so that no value is lost in translation.
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	for k, fr := range c["fr"] {
		en := c["en"][k]
		pf, pe := param.FindAllString(fr, -1), param.FindAllString(en, -1)
		if strings.Join(sorted(pf), ",") != strings.Join(sorted(pe), ",") {
			t.Errorf("key %q: parameters differ: fr %v, en %v", k, pf, pe)
		}
	}
}

func sorted(v []string) []string {
	out := append([]string(nil), v...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// Every message key written literally in the code must be in the catalogue: a missing
// key would show the user "err.something" instead of a sentence.
func TestCodeKeysExist(t *testing.T) {
	root := filepath.Join("..", "..")
	c := Default()
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`Key:\s*"([a-z][a-z0-9_.]*[a-z0-9_])"`),
		regexp.MustCompile(`i18n\.T\([^,()]+,\s*"([a-z][a-z0-9_.]*[a-z0-9_])"`),
	}
	plurals := regexp.MustCompile(`(?:i18n\.N\([^,()]+|\.plural\()\s*,?\s*"([a-z][a-z0-9_.]*[a-z0-9_])"`)
	checked := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "docs") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, re := range patterns {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				checked++
				for _, l := range Languages {
					if _, ok := c[l][m[1]]; !ok {
						t.Errorf("%s: key %q missing in %s", path, m[1], l)
					}
				}
			}
		}
		for _, m := range plurals.FindAllStringSubmatch(string(b), -1) { // both forms of N's base
			checked++
			for _, l := range Languages {
				for _, form := range []string{".one", ".other"} {
					if _, ok := c[l][m[1]+form]; !ok {
						t.Errorf("%s: key %q missing in %s", path, m[1]+form, l)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Errorf("only %d keys found in the code: is the pattern still right?", checked)
	}
}

func TestTAndNorm(t *testing.T) {
	if Norm("en_GB.UTF-8") != "en" || Norm("fr_FR") != "fr" || Norm("de_DE") != "fr" {
		t.Error("Norm")
	}
	if got := T("fr", "err.dossier.missing", "file", "a.db"); !strings.Contains(got, "a.db") {
		t.Errorf("T: %q", got)
	}
	if got := T("en", "no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
}
