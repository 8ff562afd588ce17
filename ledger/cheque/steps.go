package cheque

import "relance/ledger"

// Kind is a step of the unpaid-cheque procedure.
type Kind string

// The steps, in the procedure's order.
const (
	// KindPresented is the first presentation of the cheque for payment. A cheque is
	// payable at sight (CMF L131-31) and, drawn and payable in mainland France, is to
	// be presented within eight days (CMF L131-32 [to verify]).
	KindPresented Kind = "presented"
	// KindRejected is the drawee bank's notice that the cheque is unpaid; the bank
	// then enjoins the drawer to make the provision (CMF L131-73 al. 1).
	KindRejected Kind = "rejected"
	// KindLetter is the creditor's letter to the drawer asking for the sum, and
	// warning of the certificate and of its effects: not required by L131-73, a formal
	// demand all the same (C. civ. 1344).
	KindLetter Kind = "letter"
	// KindRepresented is a new presentation of the cheque; one that fails after the
	// thirty days makes the bank deliver the certificate without request (CMF L131-73).
	KindRepresented Kind = "represented"
	// KindCertRequested is the holder's request of the certificat de non-paiement to
	// the drawee bank, possible once thirty days have passed since the first
	// presentation (CMF L131-73); the certificate is free.
	KindCertRequested Kind = "cert_requested"
	// KindCertObtained is the certificate delivered by the bank, within fifteen days
	// of the request (CMF R131-48 [to verify]).
	KindCertObtained Kind = "cert_obtained"
	// KindServed is the notification or service of the certificate to the drawer by a
	// commissaire de justice, worth a commandement de payer (CMF L131-73).
	KindServed Kind = "served"
	// KindTitle is the enforceable title the commissaire de justice issues, with no
	// other act, when the drawer has not proven payment of the cheque and the costs
	// within fifteen days of the service (CMF L131-73). Not subject to the L313-3
	// majoration (Cass. 2e civ. 7 Jan 2016 n°14-26449).
	KindTitle Kind = "title"
	// KindPaid is the drawer's payment of the cheque and the costs, which closes the
	// file; every cost of the procedure is the drawer's (CMF L131-73).
	KindPaid Kind = "paid"
	// KindClosed is the file closed without payment (written off, settled otherwise).
	KindClosed Kind = "closed"
)

// Kinds lists the steps in the procedure's order.
var Kinds = []Kind{KindPresented, KindRejected, KindLetter, KindRepresented, KindCertRequested,
	KindCertObtained, KindServed, KindTitle, KindPaid, KindClosed}

// Recordable lists the steps a person records after the cheque is entered, in the
// order the forms offer them.
var Recordable = []Kind{KindLetter, KindRepresented, KindCertRequested, KindCertObtained, KindServed, KindTitle, KindPaid, KindClosed}

// Rule is the article a step rests on, as the screens and the JSON show it.
func (k Kind) Rule() string {
	switch k {
	case KindPresented:
		return "CMF L131-31, L131-32"
	case KindLetter:
		return "C. civ. 1344"
	case KindCertObtained:
		return "CMF L131-73, R131-48"
	case KindPaid, KindClosed:
		return ""
	}
	return "CMF L131-73"
}

// Status is where a step stands at the as-of date.
type Status string

// Statuses.
const (
	Done     Status = "done"     // taken, on Step.Done
	Due      Status = "due"      // the next step, possible since Step.From
	Waiting  Status = "waiting"  // the next step, possible from Step.From
	Later    Status = "later"    // a step after the next one
	Optional Status = "optional" // a step that may be taken (letter, new presentation)
	Auto     Status = "auto"     // not needed: the bank delivers the certificate unasked
	Skipped  Status = "skipped"  // not recorded, and a later step was
	Ended    Status = "ended"    // not needed: the file is paid or closed
)

// Step is one step of the procedure at an as-of date.
type Step struct {
	Kind   Kind        `json:"kind"`
	Status Status      `json:"status"`
	Done   ledger.Date `json:"done,omitempty"` // the day it was taken
	// From is the first day it can be taken, when known; By the day it is expected by
	// (the certificate: fifteen days after the request).
	From ledger.Date `json:"from,omitempty"`
	By   ledger.Date `json:"by,omitempty"`
	Rule string      `json:"rule,omitempty"`
}

// CertificateFrom is the first day the certificat de non-paiement can be asked of the
// drawee bank for a cheque first presented on presented: the day after the thirty days
// that run from the presentation (CMF L131-73; the day of the presentation is not
// counted and the period ends with its last day, CPC 641 and 642 [to verify] —
// presented on 2 October, the certificate from 2 November).
func CertificateFrom(presented ledger.Date) ledger.Date { return presented.AddDays(31) }

// TitleFrom is the first day the commissaire de justice can issue the enforceable title
// on a certificate served on served: the day after the fifteen days the drawer has to
// prove payment (CMF L131-73; CPC 641 and 642 [to verify] — served on 5 November, the
// title from 21 November).
func TitleFrom(served ledger.Date) ledger.Date { return served.AddDays(16) }

// CertificateBy is the day the bank is to deliver the certificate asked on requested:
// within fifteen days (CMF R131-48 [to verify]).
func CertificateBy(requested ledger.Date) ledger.Date { return requested.AddDays(15) }

// AutoCertificate reports whether a new presentation after the thirty days failed: the
// drawee bank then delivers the certificate without being asked (CMF L131-73).
func (c *Cheque) AutoCertificate() bool {
	return c.LastRepresented().Valid() && c.LastRepresented() >= CertificateFrom(c.Presented)
}

// Steps returns the procedure's steps at asOf, in order: those taken (Done, with
// their day), the next one to take (Due from its first day, Waiting before it), the
// optional ones (a letter, a new presentation), those after (Later, with their first
// day when known). A step not recorded while a later one was is Skipped; once the file
// is paid or closed, what was not taken has Ended. The step paid or closed is listed
// only when taken.
func (c *Cheque) Steps(asOf ledger.Date) []Step {
	certFrom := CertificateFrom(c.Presented)
	obtainedFrom := certFrom
	var obtainedBy ledger.Date
	if c.CertRequested.Valid() {
		obtainedFrom = max(c.CertRequested, certFrom)
		obtainedBy = CertificateBy(c.CertRequested)
	}
	if c.AutoCertificate() && !c.CertRequested.Valid() {
		obtainedFrom = c.LastRepresented()
		obtainedBy = CertificateBy(c.LastRepresented())
	}
	var titleFrom ledger.Date
	if c.Served.Valid() {
		titleFrom = TitleFrom(c.Served)
	}
	servedFrom := c.CertObtained
	steps := []Step{
		{Kind: KindPresented, Done: c.Presented},
		{Kind: KindRejected, Done: c.Rejected},
		{Kind: KindLetter, Done: c.Letter, From: c.Rejected},
		{Kind: KindRepresented, Done: c.LastRepresented(), From: c.Rejected},
		{Kind: KindCertRequested, Done: c.CertRequested, From: certFrom},
		{Kind: KindCertObtained, Done: c.CertObtained, From: obtainedFrom, By: obtainedBy},
		{Kind: KindServed, Done: c.Served, From: servedFrom},
		{Kind: KindTitle, Done: c.Title, From: titleFrom},
	}
	end := c.Paid
	if c.Closed.Valid() {
		end = c.Closed
	}
	// the last step taken among the required ones: those before it not taken are skipped
	last := -1
	for i, s := range steps {
		if s.Done.Valid() && !optional(s.Kind) {
			last = i
		}
	}
	next := false
	for i := range steps {
		s := &steps[i]
		s.Rule = s.Kind.Rule()
		switch {
		case s.Done.Valid():
			s.Status = Done
		case end.Valid():
			s.Status = Ended
		case s.Kind == KindCertRequested && c.AutoCertificate():
			s.Status = Auto
		case i < last:
			s.Status = Skipped
		case optional(s.Kind):
			s.Status = Optional
		case !next:
			next = true
			s.Status = Waiting
			if s.From.Valid() && s.From <= asOf {
				s.Status = Due
			}
		default:
			s.Status = Later
		}
	}
	if end.Valid() {
		k := KindPaid
		if c.Closed.Valid() {
			k = KindClosed
		}
		steps = append(steps, Step{Kind: k, Status: Done, Done: end, Rule: k.Rule()})
	}
	return steps
}

// optional reports whether a step may be left out: the letter to the drawer and a new
// presentation.
func optional(k Kind) bool { return k == KindLetter || k == KindRepresented }

// Next returns the next step to take at asOf (Due or Waiting), or nil when there is
// none: the file is paid or closed, or the title is issued.
func (c *Cheque) Next(asOf ledger.Date) *Step {
	for _, s := range c.Steps(asOf) {
		if s.Status == Due || s.Status == Waiting {
			return &s
		}
	}
	return nil
}
