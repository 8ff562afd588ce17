package report

import (
	"strings"
	"testing"

	"relance/ledger"
)

func TestCollectorCaps(t *testing.T) {
	var c Collector
	for i := 0; i < 100; i++ {
		c.Addf(Warning, "import.issue.dc", "f", i+1, "Debit", "x")
	}
	c.Addf(Fatal, "import.issue.date", "f", 7, "EcritureDate", "20230230")
	if len(c.Issues()) != DefaultCap+1 || c.Counts()[0].Key != "import.issue.date" || c.Counts()[1].N != 100 {
		t.Errorf("issues %d counts %+v", len(c.Issues()), c.Counts())
	}
	if err := c.Fatal(); err == nil || !strings.Contains(ledger.Localize(err, "en"), "line 7, field EcritureDate") {
		t.Errorf("fatal %v", err)
	}
}
