package dict

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	for _, n := range Names() {
		for _, ext := range []string{".aff", ".dic"} {
			name := n + ext
			t.Run(name, func(t *testing.T) {
				r, err := Open(name)
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(r)
				if cerr := r.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					t.Fatal(err)
				}
				size, err := Size(name)
				if err != nil {
					t.Fatal(err)
				}
				if int64(len(b)) != size || size < 1000 {
					t.Fatalf("size %d, trailer says %d", len(b), size)
				}
				first, _ := bufio.NewReader(bytes.NewReader(b)).ReadString('\n')
				switch ext {
				case ".aff": // hunspell reads the encoding from SET; the wrapper passes UTF-8.
					if !bytes.Contains(b, []byte("\nSET UTF-8")) && !strings.HasPrefix(string(b), "SET UTF-8") {
						t.Errorf("%s is not declared UTF-8", name)
					}
				case ".dic": // the first line is the approximate number of entries (en_GB has a BOM)
					first = strings.TrimSpace(strings.TrimPrefix(first, "\ufeff"))
					if first == "" || first[0] < '1' || first[0] > '9' {
						t.Errorf("%s: first line %q is not a count", name, first)
					}
				}
			})
		}
	}
}

func TestNoticesAndVersion(t *testing.T) {
	for _, n := range NoticeFiles() {
		b, err := Notice(n)
		if err != nil || len(b) < 500 {
			t.Errorf("%s: %d bytes, %v", n, len(b), err)
		}
	}
	fr, _ := Notice("LICENSE-fr.txt")
	for _, want := range []string{"Mozilla Public License Version 2.0", "hunspell-fr-classical", "Dicollecte"} {
		if !bytes.Contains(fr, []byte(want)) {
			t.Errorf("LICENSE-fr.txt lacks %q", want)
		}
	}
	if _, err := Open("xx.aff"); err == nil {
		t.Error("Open of a missing file succeeded")
	}
	if _, err := Size("xx.aff"); err == nil {
		t.Error("Size of a missing file succeeded")
	}
	v := Version()
	if len(v) != 12 || v != Version() {
		t.Errorf("Version %q is not a stable 12-digit hash", v)
	}
}
