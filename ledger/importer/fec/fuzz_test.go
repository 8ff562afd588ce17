package fec

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"relance/ledger/importer/report"
)

func FuzzReader(f *testing.F) {
	hdr := "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise"
	f.Add([]byte(hdr + "\nVE|Ventes|1|20230109|411000|Clients|C1|Client 1|F1|20230109|Facture|120,00|0,00|||20230110||\n"))
	f.Add([]byte("\xEF\xBB\xBF" + hdr + "|\r\r\nVE|V|1|20230109|411000|C|||F1|20230109|x|1,00|0,00|A||||\r\r\n"))
	f.Add([]byte("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tMontant\tSens\r" +
		"VE\tV\t1\t20230109\t411\tC\t\t\tF\t20230109\tl\xe9\t1,00\tD\r"))
	f.Add([]byte("a;b;c\n1;2;3"))
	f.Add([]byte("\"JournalCode\"|\"x\"\n\"VE\"|\"a|b\"|c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		rd, err := NewReader(bytes.NewReader(data), nil, func(report.Severity, string, int, string, string) { n++ })
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			err := rd.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for c := Column(0); c < NumColumns; c++ {
				_ = rd.Text(c)
			}
			if rd.Line() < 1 || i > len(data)+1 {
				t.Fatalf("line %d after %d records", rd.Line(), i)
			}
		}
	})
}

func TestSplit(t *testing.T) {
	for _, line := range []string{"", "a", "|", "a|b", "||||||||||||||||||", "0123456|89|abcdefgh|ijklmnopq|", "éé|ü|\x80|\xff|"} {
		r := &Reader{d: Dialect{Sep: '|'}}
		r.split([]byte(line))
		got := make([]string, len(r.ends))
		for i := range r.ends {
			got[i] = string(r.at(i))
		}
		want := strings.Split(line, "|")
		if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("split(%q) = %q, want %q", line, got, want)
		}
	}
}
