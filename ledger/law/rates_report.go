package law

import (
	"strconv"
	"strings"
)

// Report writes what an import did, or would do, in lang, one line each: the file and
// its table, the half-years added, completed, replaced or already recorded, the rows
// skipped, and every refused line naming the file, line, field and value. recorded
// says whether the half-years were written; when a line is refused the report says
// that nothing was. The command line and the window print the same report.
func (imp *RatesImport) Report(lang string, recorded bool) []string {
	t := func(key string, args ...string) string { return Note{Key: key, Args: args}.Text(lang) }
	lines := []string{t("rates.import.head", "file", imp.File, "kind", RateKindText(lang, RateSource(imp.Kind)),
		"rows", strconv.Itoa(imp.Rows))}
	if imp.Kind == "" {
		lines[0] = t("rates.import.head_unknown", "file", imp.File)
	}
	if len(imp.Problems) == 0 {
		for _, g := range []struct {
			key string
			hs  []Half
		}{{"rates.import.added", imp.Added}, {"rates.import.completed", imp.Completed},
			{"rates.import.replaced", imp.Replaced}, {"rates.import.unchanged", imp.Unchanged}} {
			if len(g.hs) > 0 {
				lines = append(lines, t(g.key, "halves", halvesText(lang, g.hs)))
			}
		}
	}
	if imp.Skipped > 0 {
		lines = append(lines, t("rates.import.skipped", "count", strconv.Itoa(imp.Skipped)))
	}
	if imp.Ignored > 0 {
		lines = append(lines, t("rates.import.ignored", "count", strconv.Itoa(imp.Ignored)))
	}
	switch {
	case len(imp.Problems) > 0:
		lines = append(lines, t("rates.import.problems", "count", strconv.Itoa(len(imp.Problems))))
		for _, p := range imp.Problems {
			lines = append(lines, "  – "+p.Problem.Localize(lang))
		}
		lines = append(lines, t("rates.import.nothing_written"))
	case len(imp.Records) == 0:
		lines = append(lines, t("rates.import.nothing"))
	case recorded:
		lines = append(lines, t("rates.import.done"))
	}
	return lines
}

// OnlyConflicts reports whether every refused line is a half-year the dossier already
// records with other figures (or assumed ones): what replace would accept.
func (imp *RatesImport) OnlyConflicts() bool {
	for _, p := range imp.Problems {
		if p.Problem.Key != "rates.err.import.recorded" && p.Problem.Key != "rates.err.import.assumed" {
			return false
		}
	}
	return len(imp.Problems) > 0
}

// halvesText names half-years in words, with their code: « 2nd semestre 2026
// (2026-H2) ».
func halvesText(lang string, hs []Half) string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = HalfText(lang, h) + " (" + h.String() + ")"
	}
	return strings.Join(out, ", ")
}
