package cheque

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
)

func day(m time.Month, d int) ledger.Date { return ledger.NewDate(2026, m, d) }

// bounced is a cheque of 1 250,00 € presented on 2 October 2026, rejected on 5 October
// for lack of funds.
func bounced() Cheque {
	return Cheque{Customer: "C1", Number: "0001234", Bank: "Banque Exemple", Amount: 125000,
		Written: day(time.September, 30), Presented: day(time.October, 2), Rejected: day(time.October, 5),
		Reason: NoFunds, Invoices: []string{"VE:F1"}}
}

// TestWorkedDates are the procedure's dates: presented on 2 October, the certificate
// can be asked from 2 November (thirty days from the presentation, the day itself not
// counted); asked on 3 November, the bank delivers it by 18 November; served on 5
// November, the title can be issued from 21 November (fifteen days for the drawer).
func TestWorkedDates(t *testing.T) {
	for _, c := range []struct{ got, want ledger.Date }{
		{CertificateFrom(day(time.October, 2)), day(time.November, 2)},
		{CertificateFrom(day(time.January, 31)), day(time.March, 3)},
		{CertificateBy(day(time.November, 3)), day(time.November, 18)},
		{TitleFrom(day(time.November, 5)), day(time.November, 21)},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// statuses is the status of every step in order.
func statuses(steps []Step) map[Kind]Step {
	m := map[Kind]Step{}
	for _, s := range steps {
		m[s.Kind] = s
	}
	return m
}

func TestStepsAlongTheProcedure(t *testing.T) {
	c := bounced()
	// 20 October: the certificate cannot be asked yet; the letter and a new
	// presentation are possible.
	s := statuses(c.Steps(day(time.October, 20)))
	if s[KindPresented].Status != Done || s[KindRejected].Status != Done || s[KindRejected].Rule != "CMF L131-73" {
		t.Fatalf("first steps %+v %+v", s[KindPresented], s[KindRejected])
	}
	if s[KindLetter].Status != Optional || s[KindLetter].From != day(time.October, 5) || s[KindLetter].Rule != "C. civ. 1344" {
		t.Errorf("letter %+v", s[KindLetter])
	}
	if got := s[KindCertRequested]; got.Status != Waiting || got.From != day(time.November, 2) {
		t.Errorf("certificate on 20/10 %+v", got)
	}
	if s[KindServed].Status != Later || s[KindTitle].Status != Later || s[KindTitle].From.Valid() {
		t.Errorf("later %+v %+v", s[KindServed], s[KindTitle])
	}
	if n := c.Next(day(time.October, 20)); n == nil || n.Kind != KindCertRequested || n.Status != Waiting {
		t.Errorf("next %+v", n)
	}
	// 9 November: due.
	if n := c.Next(day(time.November, 9)); n == nil || n.Kind != KindCertRequested || n.Status != Due {
		t.Errorf("next on 9/11 %+v", n)
	}
	// asked on 3 November, delivered on 10, served on 12: the title from 28 November.
	for _, r := range []struct {
		k Kind
		d ledger.Date
	}{{KindLetter, day(time.October, 6)}, {KindCertRequested, day(time.November, 3)},
		{KindCertObtained, day(time.November, 10)}, {KindServed, day(time.November, 12)}} {
		if err := c.Record(r.k, r.d, "Me Dupont"); err != nil {
			t.Fatalf("%s: %v", r.k, err)
		}
	}
	if c.Officer != "Me Dupont" {
		t.Errorf("officer %q", c.Officer)
	}
	n := c.Next(day(time.November, 20))
	if n == nil || n.Kind != KindTitle || n.Status != Waiting || n.From != day(time.November, 28) {
		t.Fatalf("next before the title %+v", n)
	}
	if err := c.Record(KindTitle, day(time.November, 27), ""); !errors.Is(err, &ledger.Problem{Key: "cheque.err.title_early"}) {
		t.Errorf("title on the fifteenth day: %v", err)
	}
	if c.Title.Valid() {
		t.Error("a refused step was kept")
	}
	if err := c.Record(KindTitle, day(time.November, 28), ""); err != nil {
		t.Fatal(err)
	}
	if n := c.Next(day(time.December, 1)); n != nil {
		t.Errorf("nothing after the title: %+v", n)
	}
	if err := c.Record(KindPaid, day(time.December, 2), ""); err != nil {
		t.Fatal(err)
	}
	steps := c.Steps(day(time.December, 4))
	if last := steps[len(steps)-1]; last.Kind != KindPaid || last.Done != day(time.December, 2) {
		t.Errorf("paid step %+v", last)
	}
	if err := c.Record(KindRepresented, day(time.December, 3), ""); !errors.Is(err, &ledger.Problem{Key: "cheque.err.ended"}) {
		t.Errorf("a step after payment: %v", err)
	}
}

// TestAutoCertificate: a new presentation after the thirty days that fails makes the
// bank deliver the certificate unasked (CMF L131-73).
func TestAutoCertificate(t *testing.T) {
	c := bounced()
	if err := c.Record(KindRepresented, day(time.October, 20), ""); err != nil {
		t.Fatal(err)
	}
	if c.AutoCertificate() {
		t.Error("a presentation within the thirty days does not bring the certificate")
	}
	if err := c.Record(KindRepresented, day(time.November, 4), ""); err != nil {
		t.Fatal(err)
	}
	s := statuses(c.Steps(day(time.November, 10)))
	if s[KindCertRequested].Status != Auto {
		t.Errorf("request %+v", s[KindCertRequested])
	}
	if got := s[KindCertObtained]; got.Status != Due || got.From != day(time.November, 4) || got.By != day(time.November, 19) {
		t.Errorf("certificate %+v", got)
	}
	if s[KindRepresented].Done != day(time.November, 4) {
		t.Errorf("latest presentation %+v", s[KindRepresented])
	}
}

func TestSkippedAndClosed(t *testing.T) {
	c := bounced()
	// the certificate recorded as obtained without its request: the request is skipped
	if err := c.Record(KindCertObtained, day(time.November, 6), ""); err != nil {
		t.Fatal(err)
	}
	s := statuses(c.Steps(day(time.November, 7)))
	if s[KindCertRequested].Status != Skipped || s[KindServed].Status != Due {
		t.Errorf("%+v %+v", s[KindCertRequested], s[KindServed])
	}
	if err := c.Record(KindClosed, day(time.November, 8), ""); err != nil {
		t.Fatal(err)
	}
	s = statuses(c.Steps(day(time.November, 9)))
	if s[KindServed].Status != Ended || s[KindClosed].Status != Done || c.Open() {
		t.Errorf("closed %+v %+v", s[KindServed], s[KindClosed])
	}
}

func TestValidateRefusals(t *testing.T) {
	for name, c := range map[string]struct {
		change func(c *Cheque)
		key    string
	}{
		"no number":          {func(c *Cheque) { c.Number = " " }, "cheque.err.field"},
		"zero amount":        {func(c *Cheque) { c.Amount = 0 }, "cheque.err.field"},
		"no presentation":    {func(c *Cheque) { c.Presented = ledger.NoDate }, "cheque.err.field"},
		"bad reason":         {func(c *Cheque) { c.Reason = "x" }, "cheque.err.field"},
		"rejected before":    {func(c *Cheque) { c.Rejected = day(time.October, 1) }, "cheque.err.before"},
		"written after":      {func(c *Cheque) { c.Written = day(time.October, 3) }, "cheque.err.before"},
		"certificate early":  {func(c *Cheque) { c.CertObtained = day(time.November, 1) }, "cheque.err.cert_early"},
		"served without":     {func(c *Cheque) { c.Served = day(time.November, 10) }, "cheque.err.needs"},
		"paid and closed":    {func(c *Cheque) { c.Paid, c.Closed = day(time.November, 1), day(time.November, 2) }, "cheque.err.paid_closed"},
		"represented before": {func(c *Cheque) { c.Represented = []ledger.Date{day(time.October, 4)} }, "cheque.err.before"},
	} {
		ch := bounced()
		c.change(&ch)
		err := ch.Validate()
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: %v, want %s", name, err, c.key)
		}
	}
	ch := bounced()
	if err := ch.Validate(); err != nil {
		t.Fatal(err)
	}
	ch.Amount = -5
	if msg := ledger.Localize(ch.Validate(), "fr"); msg == "" || msg == "cheque.err.field" {
		t.Errorf("message %q", msg)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Kind{"lettre": KindLetter, "Représentation": KindRepresented,
		"certificat demandé": KindCertRequested, "certificat": KindCertObtained, "signification": KindServed,
		"titre exécutoire": KindTitle, "payé": KindPaid, "clos": KindClosed} {
		if k, ok := ParseKind(in); !ok || k != want {
			t.Errorf("%q: %q", in, k)
		}
	}
	if _, ok := ParseKind("presented"); ok {
		t.Error("the first presentation is entered with the cheque")
	}
	for in, want := range map[string]Reason{"": NoFunds, "provision": NoFunds, "Opposition": Stopped, "compte clos": Closed} {
		if r, ok := ParseReason(in); !ok || r != want {
			t.Errorf("%q: %q", in, r)
		}
	}
}
