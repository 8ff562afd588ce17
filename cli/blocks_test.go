package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBlocksCommands(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "blocks", "--db", path, "--format", "json")
	if code != 0 {
		t.Fatalf("blocks: %s", stderr)
	}
	var blocks []struct {
		ID    string `json:"id"`
		State string `json:"state"`
	}
	if err := json.Unmarshal([]byte(out), &blocks); err != nil || len(blocks) != 3 {
		t.Fatalf("%v, %d blocks", err, len(blocks))
	}
	var proposed, active string
	for _, b := range blocks {
		switch b.State {
		case "proposed":
			proposed = b.ID
		case "blocked":
			active = b.ID
		}
	}
	if code, _, stderr := run(t, "fr", "block", "--db", path, "--id", proposed, "--answer", "agree"); code != 0 {
		t.Fatalf("answer: %s", stderr)
	}
	if code, _, stderr := run(t, "fr", "block", "--db", path, "--id", proposed, "--decide", "block", "--comment", "règlement de l'échu"); code != 0 {
		t.Fatalf("decide: %s", stderr)
	}
	if code, _, stderr := run(t, "fr", "block", "--db", path, "--id", active, "--lift"); code != 0 {
		t.Fatalf("lift: %s", stderr)
	}
	if code, _, stderr := run(t, "fr", "block", "--db", path, "--id", active, "--lift"); code != 1 || stderr == "" {
		t.Errorf("second lift: exit %d", code)
	}
	if code, _, _ := run(t, "fr", "block", "--db", path, "--id", active, "--lift", "--answer", "agree"); code != 2 {
		t.Error("two steps at once must be a usage error")
	}
	code, out, _ = run(t, "fr", "blocks", "--db", path, "--format", "csv")
	if code != 0 || !strings.Contains(out, "règlement de l'échu") || strings.Count(out, "\n") != 2 {
		t.Errorf("csv:\n%s", out)
	}
	if code, out, stderr := run(t, "fr", "block", "--db", path, "--propose-for", "C00020", "--comment", "chèque impayé"); code != 0 || !strings.Contains(out, "B2026-") {
		t.Errorf("manual proposal: %d %s %s", code, out, stderr)
	}
	if code, _, _ := run(t, "fr", "block", "--db", path, "--propose-for", "NOBODY"); code != 1 {
		t.Error("manual proposal for an unknown customer")
	}
	if code, _, stderr := run(t, "en", "blocks", "--db", path, "--propose"); code != 0 || !strings.Contains(stderr, "proposed") {
		t.Errorf("propose: %d %s", code, stderr)
	}
}
