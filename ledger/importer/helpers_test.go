package importer

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/importer/field"
	"relance/ledger/importer/report"
)

// balanceOfPrefixes recomputes, independently of the importer, Σ debit − Σ credit of
// the accounts starting with one of prefixes (418/4198 excluded), splitting lines on
// the separator of the header line.
func balanceOfPrefixes(t testing.TB, path string, prefixes []string) ledger.Cents {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var sep string
	iAcc, iD, iC := -1, -1, -1
	var sum ledger.Cents
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			continue
		}
		if sep == "" {
			sep = "\t"
			if !strings.Contains(line, "\t") {
				sep = "|"
			}
			for i, h := range strings.Split(line, sep) {
				switch strings.ToLower(strings.TrimSpace(h)) {
				case "comptenum":
					iAcc = i
				case "debit":
					iD = i
				case "credit", "crédit":
					iC = i
				}
			}
			continue
		}
		f := strings.Split(line, sep)
		acc := strings.TrimSpace(f[iAcc])
		if strings.HasPrefix(acc, "418") || strings.HasPrefix(acc, "4198") {
			continue
		}
		ok := false
		for _, p := range prefixes {
			ok = ok || strings.HasPrefix(acc, p)
		}
		if !ok {
			continue
		}
		d, _, err1 := field.Amount([]byte(f[iD]))
		c, _, err2 := field.Amount([]byte(f[iC]))
		if err1 != nil || err2 != nil {
			t.Fatalf("amounts %q %q", f[iD], f[iC])
		}
		sum += d - c
	}
	return sum
}

// prepared prepares the import of path, failing the test on any error of the plan.
func prepared(t *testing.T, path string) *Plan {
	t.Helper()
	p, err := Prepare(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	if n := p.rep.Total(report.Error); n != 0 {
		t.Fatalf("%d errors: %v", n, p.rep.Issues())
	}
	return p
}
