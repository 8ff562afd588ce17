package spell

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// letterWords are the words of a one-page reminder letter (with two typos), as the checking
// engine sends them one by one.
var letterWords = strings.Fields(`Madame Monsieur Sauf erreur de notre part nous n'avons pas reçu
le règlement de notre facture d'un montant de euros échue le octobre Nous vous rappellons que
nos clients doivent respecter leurs engagements et que à défaut de règlement nous serons
obligés de transmettre le dossier à notre service contentieux Conformément à l’article du Code
de commerce ce retard entraîne des pénalités au taux de ainsi qu’une indemnité forfaitaire de
pour frais de recouvrement Nous vous remercions de bien vouloir procéder au règlement par
virement sur le compte en rappelant la référence de la facture Si ce règlement a croisé notre
courrier nous vous prions de ne pas en tenir compte Nous vous prions d'agréer Madame Monsieur
l'expression de nos salutations distinguées acusé echeance`)

func BenchmarkCorrect(b *testing.B) {
	c := newChecker(b, Options{Preload: []string{"fr"}})
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, w := range letterWords {
			c.Correct("fr", w)
		}
		n += len(letterWords)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/word")
}

// BenchmarkSuggest measures suggestions without the remembered ones: words that only lack
// their accents (restored without asking hunspell), and other typos (hunspell's suggest).
func BenchmarkSuggest(b *testing.B) {
	c := newChecker(b, Options{Preload: []string{"fr"}})
	for _, bb := range []struct {
		name  string
		typos []string
	}{
		{"accents", []string{"echeance", "réglement", "prélevement", "creanciere"}},
		{"hunspell", []string{"acusé", "rappellons", "lètre", "relanse"}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, w := range bb.typos {
					c.mu.Lock()
					clear(c.suggested)
					c.mu.Unlock()
					c.Suggest("fr", w)
				}
				n += len(bb.typos)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n), "ms/word")
		})
	}
}

// BenchmarkLoadFrench loads the French dictionary from a warm cache folder.
func BenchmarkLoadFrench(b *testing.B) {
	dir := b.TempDir()
	newChecker(b, Options{CacheDir: dir, Preload: []string{"fr"}})
	b.ResetTimer()
	for b.Loop() {
		c, err := New(Options{CacheDir: dir, Preload: []string{"fr"}})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

// TestFootprint logs what the dictionaries cost: time to write them to an empty cache folder
// and load them, and the growth of the resident memory (Linux).
func TestFootprint(t *testing.T) {
	if Available() != nil {
		t.Skip("spelling unavailable in this build")
	}
	runtime.GC()
	before := rss()
	dir := t.TempDir()
	for _, name := range []string{"fr", "en_GB", "en_US"} {
		start := time.Now()
		if _, _, err := extract(dir, name); err != nil {
			t.Fatal(err)
		}
		written := time.Since(start)
		start = time.Now()
		c, err := New(Options{CacheDir: dir, Preload: []string{name}})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: written to the cache in %v, loaded in %v, RSS now +%d MB",
			name, written.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), (rss()-before)>>20)
		defer c.Close()
	}
	if grown := rss() - before; before > 0 && grown > 300<<20 {
		t.Errorf("the three dictionaries take %d MB", grown>>20)
	}
}

// rss returns the resident set size in bytes, 0 where /proc is missing.
func rss() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
