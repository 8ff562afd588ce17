package compose

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

// DisputeInfoOf is what the acknowledgement letter (stage dispute) says about d, in lang.
func DisputeInfoOf(d *dispute.Dispute, lang string) *DisputeInfo {
	info := &DisputeInfo{Ref: d.ID, Opened: d.Opened, DueBy: d.DueBy, Items: map[string]ledger.Cents{},
		Reason: strings.ToLower(i18n.T(lang, "dispute.reason."+string(d.Reason)))}
	for _, di := range d.Items {
		info.Items[di.ItemID] += di.Amount
	}
	return info
}

// LatestDispute is customer's most recently opened dispute still in progress at asOf
// (nil when there is none): the one an acknowledgement letter answers by default.
func LatestDispute(all []dispute.Dispute, customer string, asOf ledger.Date) *dispute.Dispute {
	var best *dispute.Dispute
	for i := range all {
		d := &all[i]
		if d.Customer == customer && d.StatusAt(asOf).Active() && (best == nil || d.Opened > best.Opened) {
			best = d
		}
	}
	return best
}

// PromiseOf is the promise a confirmation letter (stage conf) confirms: customer's
// latest pending promise in rec, nil when there is none.
func PromiseOf(rec *dunning.Records, customer string) *Promise {
	if p := rec.PendingPromise(customer); p != nil {
		return &Promise{Amount: p.Amount, Date: p.Due}
	}
	return nil
}
