package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"

	lettercheck "relance/letters/check"
)

// find returns a finding of category c over the first occurrence of word in text
// (rune offsets), or over the whole text when word is "".
func find(t *testing.T, text, word string, c lettercheck.Category) lettercheck.Finding {
	t.Helper()
	if word == "" {
		return lettercheck.Finding{Category: c, Start: 0, End: len([]rune(text))}
	}
	i := strings.Index(text, word)
	if i < 0 {
		t.Fatalf("%q not in %q", word, text)
	}
	start := len([]rune(text[:i]))
	return lettercheck.Finding{Category: c, Start: start, End: start + len([]rune(word))}
}

// at is a finding of category c over runes [start, end).
func at(start, end int, c lettercheck.Category) lettercheck.Finding {
	return lettercheck.Finding{Category: c, Start: start, End: end}
}

// isMarker tells a marker segment from a piece of the letter.
func isMarker(s *widget.TextSegment) bool { return s.Style.SizeName == theme.SizeNameCaptionText }

// render writes the segments as text: markers as they are drawn, a piece of the letter
// covered by a finding as {category:text}, an uncovered one plain. It also checks the
// styles: markers bold and coloured, covered pieces underlined and coloured, the others
// plain, and that the pieces of the letter, markers aside, are the letter exactly.
func render(t *testing.T, text string, segs []widget.RichTextSegment) string {
	t.Helper()
	var out, letter strings.Builder
	for _, sg := range segs {
		s, ok := sg.(*widget.TextSegment)
		if !ok {
			t.Fatalf("segment %T", sg)
		}
		cat := strings.TrimPrefix(string(s.Style.ColorName), colorCatPrefix)
		switch {
		case isMarker(s):
			if !s.Style.TextStyle.Bold || s.Style.TextStyle.Underline || cat == "" || cat == string(s.Style.ColorName) || !s.Style.Inline {
				t.Errorf("marker %q styled %+v", s.Text, s.Style)
			}
			out.WriteString(s.Text)
		case s.Style.TextStyle.Underline:
			if cat == "" || cat == string(s.Style.ColorName) || s.Style.TextStyle.Bold || !s.Style.Inline {
				t.Errorf("covered piece %q styled %+v", s.Text, s.Style)
			}
			out.WriteString("{" + cat + ":" + s.Text + "}")
			letter.WriteString(s.Text)
		default:
			if s.Style != widget.RichTextStyleInline {
				t.Errorf("plain piece %q styled %+v", s.Text, s.Style)
			}
			out.WriteString(s.Text)
			letter.WriteString(s.Text)
		}
		if s.Text == "" {
			t.Errorf("empty segment %+v", s.Style)
		}
		// line breaks leading a piece are a segment of their own (else Fyne wraps the
		// paragraph after them to the width left beside the marker before)
		if rest := strings.TrimLeft(s.Text, "\n"); rest != s.Text && rest != "" {
			t.Errorf("piece %q starts with line breaks", s.Text)
		}
	}
	if letter.String() != text {
		t.Errorf("the pieces are not the letter:\n got %q\nwant %q", letter.String(), text)
	}
	return out.String()
}

// Overlapping findings stay legible on the annotated letter: each piece in the colour of
// the innermost finding over it, each number right after its own span, an opening
// marker "[n›" on a finding that holds or straddles another, no text lost or doubled.
func TestAnnotatedMarkersOverlapping(t *testing.T) {
	const (
		st = lettercheck.CatStyle
		sp = lettercheck.CatSpelling
		to = lettercheck.CatTone
		cl = lettercheck.CatClarity
		le = lettercheck.CatLegal
	)
	sentence := "Suite à notre courier du 3 mai, la facture reste impayée."
	letter := "Madame,\n\n" + sentence + "\n\nCordialement."
	cases := []struct {
		name, text string
		fs         func(text string) []lettercheck.Finding
		want       string
	}{
		{"nothing", "Madame, bonjour.", func(string) []lettercheck.Finding { return nil },
			"Madame, bonjour."},
		{"nested: a sentence too long holding a misspelt word and a dated phrase", letter, func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, sentence, st), find(t, s, "Suite à", to), find(t, s, "courier", sp)}
		}, "Madame,\n\n[1›{tone:Suite à}[2]{style: notre }{spelling:courier}[3]{style: du 3 mai, la facture reste impayée.}[1]\n\nCordialement."},
		{"nested in a finding of the same colour: the dated phrase opens too", letter, func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, sentence, st), find(t, s, "Suite à", st), find(t, s, "courier", sp)}
		}, "Madame,\n\n[1›[2›{style:Suite à}[2]{style: notre }{spelling:courier}[3]{style: du 3 mai, la facture reste impayée.}[1]\n\nCordialement."},
		{"same colour, in the middle", "abc def ghi", func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, "", st), find(t, s, "def", st)}
		}, "[1›{style:abc }[2›{style:def}[2]{style: ghi}[1]"},
		{"identical spans of the same colour", "abc def", func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, "def", st), find(t, s, "def", st)}
		}, "abc {style:def}[1][2]"},
		{"nested, sharing the end", "abc def ghi", func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, "", st), find(t, s, "ghi", sp)}
		}, "[1›{style:abc def }{spelling:ghi}[2][1]"},
		{"three levels", "aa bb cc dd ee", func(string) []lettercheck.Finding {
			return []lettercheck.Finding{at(0, 14, st), at(3, 11, cl), at(6, 8, sp)}
		}, "[1›{style:aa }[2›{clarity:bb }{spelling:cc}[3]{clarity: dd}[2]{style: ee}[1]"},
		{"identical spans", "Nous vous prions de payer.", func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, "vous prions", to), find(t, s, "vous prions", le)}
		}, "Nous {tone:vous prions}[1][2] de payer."},
		{"identical spans holding a third", "un deux trois", func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, "", st), find(t, s, "", to), find(t, s, "deux", sp)}
		}, "[1›[2›{style:un }{spelling:deux}[3]{style: trois}[1][2]"},
		{"partly overlapping", "one two three four", func(string) []lettercheck.Finding {
			return []lettercheck.Finding{at(0, 7, st), at(4, 13, cl)}
		}, "[1›{style:one }[2›{style:two}[1]{clarity: three}[2] four"},
		{"adjacent", "one two three", func(string) []lettercheck.Finding {
			return []lettercheck.Finding{at(0, 3, st), at(3, 7, sp)}
		}, "{style:one}[1]{spelling: two}[2] three"},
		{"missing finding, no span", "Merci.", func(string) []lettercheck.Finding {
			return []lettercheck.Finding{at(0, 5, to), {Category: le, Start: -1, End: -1, Section: lettercheck.SecSignature}}
		}, "{tone:Merci}[1]."},
		{"empty span inside a longer one", "abcdef", func(string) []lettercheck.Finding {
			return []lettercheck.Finding{at(0, 6, st), at(3, 3, sp)}
		}, "[1›{style:abc}[2]{style:def}[1]"},
		{"out of range dropped", "abc", func(string) []lettercheck.Finding {
			return []lettercheck.Finding{at(1, 2, sp), at(2, 9, st)}
		}, "a{spelling:b}[1]c"},
		{"accents, offsets in runes", "Relancé à échéance", func(s string) []lettercheck.Finding {
			return []lettercheck.Finding{find(t, s, "", st), find(t, s, "échéance", sp)}
		}, "[1›{style:Relancé à }{spelling:échéance}[2][1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := &lettercheck.Result{Findings: c.fs(c.text)}
			if got := render(t, c.text, annotatedSegments(c.text, res)); got != c.want {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
		})
	}

	// every finding with a span has exactly one closing marker, in its own colour
	res := &lettercheck.Result{Findings: cases[1].fs(letter)}
	segs := annotatedSegments(letter, res)
	for i, f := range res.Findings {
		n := 0
		for _, sg := range segs {
			if s := sg.(*widget.TextSegment); isMarker(s) && s.Text == "["+itoaUI(i+1)+"]" {
				n++
				if s.Style.ColorName != catColorName(f.Category) {
					t.Errorf("[%d] in %s", i+1, s.Style.ColorName)
				}
			}
		}
		if n != 1 {
			t.Errorf("[%d] drawn %d times", i+1, n)
		}
	}
}

// The opening mark "›" is in the bold text font the markers are drawn with.
func TestAnnotatedMarkerGlyph(t *testing.T) {
	f, err := sfnt.Parse(theme.DefaultTheme().Font(fyne.TextStyle{Bold: true}).Content())
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	if i, err := f.GlyphIndex(&buf, '›'); err != nil || i == 0 {
		t.Errorf("no glyph for › in the bold font: %v", err)
	}
}

// markerSpeller knows every word but one.
type markerSpeller struct{ bad string }

func (s markerSpeller) Correct(_, w string) bool     { return w != s.bad }
func (s markerSpeller) Suggest(_, _ string) []string { return []string{"facture"} }

// With the engine: the misspelt word inside a sentence too long gets its own colour and
// its number right after it, and the sentence opens with its number.
func TestAnnotatedMarkersFromTheEngine(t *testing.T) {
	e, err := lettercheck.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Madame, Monsieur,\n\nMalgré nos relances précédentes et nos nombreux échanges téléphoniques avec votre service comptable au cours des dernières semaines, nous constatons que la factur FA2026-00123 de 1 250,00 € échue le 15 octobre 2026 demeure impayée à ce jour sans aucune explication de votre part ni proposition de règlement.\n\nVeuillez agréer, Madame, Monsieur, nos salutations distinguées.\n\nLe service comptabilité\n"
	res := e.Check(text, lettercheck.Options{Lang: "fr", Stage: lettercheck.StageR1, Speller: markerSpeller{bad: "factur"}})
	long, word := -1, -1
	for i, f := range res.Findings {
		switch {
		case f.Rule == "STYLE.SENTENCE_LENGTH":
			long = i
		case f.Source == "speller" && !f.Missing():
			word = i
		}
	}
	if long < 0 || word < 0 {
		t.Skipf("the engine no longer reports both the long sentence and the misspelt word: %+v", res.Findings)
	}
	got := render(t, text, annotatedSegments(text, res))
	if !strings.Contains(got, "{spelling:factur}["+itoaUI(word+1)+"]") {
		t.Errorf("the misspelt word is not marked where it is: %q", got)
	}
	if !strings.Contains(got, "["+itoaUI(long+1)+"›") || !strings.Contains(got, "règlement.}["+itoaUI(long+1)+"]") {
		t.Errorf("the long sentence's extent is not marked: %q", got)
	}
}
