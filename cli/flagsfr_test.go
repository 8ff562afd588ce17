package cli

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// optionLine is an option of a --help listing: "  --name VALUE  description".
var optionLine = regexp.MustCompile(`^  --([a-z0-9-]+)`)

// TestEveryOptionInFrench: the French help of every command and of each of its verbs
// describes every option in French (French first: an English description in a French
// listing is a gap in the catalogue, cli23.flag.COMMAND.FLAG or cli23.flag.FLAG).
func TestEveryOptionInFrench(t *testing.T) {
	missing := map[string]bool{}
	for _, c := range commands() {
		for _, verb := range commandVerbs(&c) {
			args := []string{c.Name}
			if verb != "" {
				args = append(args, verb)
			}
			args = append(args, "--help")
			code, out, _ := run(t, "fr", args...)
			if code != 0 {
				continue
			}
			for _, line := range strings.Split(out, "\n") {
				m := optionLine.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				if _, ok := flagKey("fr", c.Name, m[1]); !ok {
					missing["cli23.flag."+c.Name+"."+m[1]] = true
				}
			}
		}
	}
	if len(missing) > 0 {
		keys := make([]string, 0, len(missing))
		for k := range missing {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		t.Errorf("%d options described in English only in the French help:\n%s", len(keys), strings.Join(keys, "\n"))
	}
}
