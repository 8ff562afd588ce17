package cheque

import (
	"slices"
	"strings"

	"relance/ledger"
)

// ParseKind reads a step as typed: its code or a French or English word
// (« lettre », « représentation », « certificat demandé », « signification », « titre »,
// « payé », « clos »).
func ParseKind(s string) (Kind, bool) {
	k := strings.NewReplacer("é", "e", "è", "e", " ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "letter", "lettre", "courrier":
		return KindLetter, true
	case "represented", "representation", "represent", "nouvelle_presentation", "presented_again":
		return KindRepresented, true
	case "cert_requested", "certificate_requested", "certificat_demande", "request", "demande":
		return KindCertRequested, true
	case "cert_obtained", "certificate", "certificate_obtained", "certificat", "certificat_obtenu", "certificat_recu":
		return KindCertObtained, true
	case "served", "service", "signification", "signifie", "notification":
		return KindServed, true
	case "title", "titre", "titre_executoire", "enforceable_title":
		return KindTitle, true
	case "paid", "paye", "regle", "payment":
		return KindPaid, true
	case "closed", "clos", "close", "classe":
		return KindClosed, true
	}
	return "", false
}

// Record records step k taken on day d (officer: the commissaire de justice who
// served the certificate, for KindServed) and checks the cheque still validates. It is
// refused, the cheque unchanged: a step that is not recordable (Recordable), a file
// already paid or closed, a step already recorded (a new presentation may be recorded
// again, not twice the same day), a step out of the procedure's order (Validate).
func (c *Cheque) Record(k Kind, d ledger.Date, officer string) error {
	if !slices.Contains(Recordable, k) {
		return c.problem("cheque.err.kind", "value", string(k))
	}
	if !d.Valid() {
		return c.bad(string(k), "")
	}
	if !c.Open() {
		end, key := c.Paid, "cheque.step.paid"
		if c.Closed.Valid() {
			end, key = c.Closed, "cheque.step.closed"
		}
		return c.problem("cheque.err.ended", "step_key", key, "date", end.String())
	}
	before := *c
	before.Represented = slices.Clone(c.Represented)
	set := func(dst *ledger.Date) error {
		if dst.Valid() {
			return c.problem("cheque.err.again", "step_key", "cheque.step."+string(k), "date", dst.String())
		}
		*dst = d
		return nil
	}
	var err error
	switch k {
	case KindLetter:
		err = set(&c.Letter)
	case KindRepresented:
		if slices.Contains(c.Represented, d) {
			err = c.problem("cheque.err.again", "step_key", "cheque.step.represented", "date", d.String())
			break
		}
		c.Represented = append(c.Represented, d)
		slices.Sort(c.Represented)
	case KindCertRequested:
		err = set(&c.CertRequested)
	case KindCertObtained:
		err = set(&c.CertObtained)
	case KindServed:
		if err = set(&c.Served); err == nil {
			c.Officer = strings.TrimSpace(officer)
		}
	case KindTitle:
		err = set(&c.Title)
	case KindPaid:
		err = set(&c.Paid)
	case KindClosed:
		err = set(&c.Closed)
	}
	if err == nil {
		err = c.Validate()
	}
	if err != nil {
		*c = before
	}
	return err
}
