package fecgen

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestWriteIsDeterministicAndBalanced(t *testing.T) {
	var a, b bytes.Buffer
	sa, err := Write(&a, Config{Lines: 2000, Customers: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(&b, Config{Lines: 2000, Customers: 50, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || sa.Lines < 2000 || int64(a.Len()) != sa.Bytes {
		t.Fatalf("not deterministic or wrong stats: %+v, %d bytes", sa, a.Len())
	}
	if n := strings.Count(a.String(), "\r\n"); n != sa.Lines+1 {
		t.Errorf("%d lines, stats say %d", n, sa.Lines)
	}
}

// TestWriteFile writes a generated FEC to $RELANCE_FECGEN_OUT (lines from
// $RELANCE_FECGEN_LINES, default 1,000,000), for measuring the relance CLI by hand:
//
//	RELANCE_FECGEN_OUT=/tmp/999999999FEC20251231.txt go test -run TestWriteFile ./ledger/importer/fecgen
func TestWriteFile(t *testing.T) {
	out := os.Getenv("RELANCE_FECGEN_OUT")
	if out == "" {
		t.Skip("RELANCE_FECGEN_OUT not set")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := Write(f, Config{Lines: 1_000_000, Customers: 20_000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d lines, %d bytes, receivables %s", out, st.Lines, st.Bytes, st.Receivable)
}
