package fec

import "testing"

func BenchmarkSplit(b *testing.B) {
	line := []byte("VE|Ventes|123456|20250312|411000|Clients|C100234|Client numéro 234|F123456|20250312|Facture F123456 Client numéro 234|14400,00|0,00|AAB3|20250420|20250312||")
	r := &Reader{d: Dialect{Sep: '|'}, ends: make([]int32, 0, 32)}
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		r.split(line)
	}
}
