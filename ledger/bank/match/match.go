// Package match suggests, for each credit of a bank statement, the customers and the
// open invoices it may settle (issue 19): an invoice number or a customer code in the
// text, the amount of one open debit or of a group of two or three, the payer's name.
// It is pure: it reads the book and the lines and writes nothing; recording the
// payments is the caller's job. Reasons are catalogue keys (assets/i18n/match.*.json).
package match

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/bank"
)

// Reason is why a candidate is suggested: a catalogue key and its parameters
// (name, value pairs), e.g. {"match.why.number", ["number", "FA2026-02455"]}.
type Reason struct {
	Key  string
	Args []string
}

// Candidate is one customer, and the open debits of it, that a credit may settle.
type Candidate struct {
	Customer string
	Items    []string     // item IDs of the open debits it would settle (one, or a group); none for a name alone
	Amount   ledger.Cents // what those items have open at asOf
	Score    int          // 0–100
	Why      []Reason
	Exact    bool // unambiguous exact match: safe for an automatic recording
}

// Suggestion is the candidates of one line, best first, at most MaxCandidates.
type Suggestion struct {
	Line       int // index in lines
	Candidates []Candidate
}

// MaxCandidates is the number of candidates a suggestion keeps.
const MaxCandidates = 5

// The weights of the signals.
const (
	scoreNumber      = 60 // an open invoice's number in the text
	scoreNumberAmt   = 30 // … and the amount equals its (or their) open amount
	scoreID          = 35 // the customer's code or SIREN in the text
	scoreAmountOne   = 25 // the amount of exactly one open debit of the customer
	scoreAmountGroup = 20 // the sum of two or three open debits of the customer
	scoreName        = 35 // the payer's name close to the customer's (times the overlap ratio)
	scorePromise     = 30 // a promise of the customer of that amount, due near that date
)

// Above this many customers holding an open debit of the amount, the amount alone
// suggests none of them (it still counts for a customer found otherwise).
const maxAmountOnly = 5

// Above this many customers sharing a name token, the token finds no customer by
// itself (it still counts in the overlap ratio).
const maxTokenPosting = 200

// When every word of the payer's name is common, the customers sharing its rarest word
// are still compared, up to this many.
const maxRarestPosting = 5000

// Above this many open debits, a customer's groups of two or three are not tried.
const maxGroupItems = 200

type open struct {
	item *ledger.Item
	open ledger.Cents
}

// Promise is a payment a customer promised (ledger/dunning promises and plan
// instalments not yet kept): a credit of its amount booked within PromiseDays of its
// due date is likely it.
type Promise struct {
	Customer string
	Amount   ledger.Cents
	Due      ledger.Date
}

// PromiseDays is how far from a promise's due date a credit of its amount still
// suggests it.
const PromiseDays = 7

// Suggest returns the suggestions for the credit lines of lines that are not
// reversals (debits, fees and reversals get none), in the order of lines; a line
// nothing matches has a suggestion without candidates. openAt gives the open amounts at
// asOf (credit.OpenAtMap); nil takes the items' Open as imported. promises are the
// payments promised and not yet kept (none: the signal is not used).
func Suggest(book *ledger.Book, openAt ledger.OpenAtFunc, asOf ledger.Date, lines []bank.Line, promises []Promise) []Suggestion {
	// What the lines could name: tokens (numbers, codes, SIRENs), amounts, name tokens.
	type lineInfo struct {
		keys  []string // normalised tokens and joins of 2–3 neighbours
		name  []int32  // payer's name words, numbered in wantName
		index int
	}
	var infos []lineInfo
	wantKey := map[string]bool{}
	wantAmt := map[ledger.Cents]bool{}
	wantName := map[string]int32{} // the payers' name words, numbered
	for i := range lines {
		l := &lines[i]
		if !l.Credit || l.Reversal || l.Amount <= 0 {
			continue
		}
		li := lineInfo{index: i, keys: keys(l.Remittance + " " + l.Label + " " + l.EndToEnd)}
		for _, k := range li.keys {
			wantKey[k] = true
		}
		for _, t := range nameTokens(l.Debtor) {
			id, ok := wantName[t]
			if !ok {
				id = int32(len(wantName))
				wantName[t] = id
			}
			li.name = append(li.name, id)
		}
		wantAmt[l.Amount] = true
		infos = append(infos, li)
	}
	if len(infos) == 0 {
		return nil
	}

	// One pass over the book: the open debits of each account, and the indexes of what
	// the lines name.
	type ref struct{ acct, pos int32 }
	opens := make([][]open, len(book.Accounts))
	byNumber := map[string][]ref{}
	byAmount := map[ledger.Cents][]ref{}
	byCustomer := map[string]int{}
	// A customer's name: its words that some payer's name holds, numbered, and how
	// many words it has in all.
	nameTok := make([][]int32, len(book.Accounts))
	nameLen := make([]int, len(book.Accounts))
	byName := make([][]int, len(wantName))
	var buf [64]byte
	for ai, a := range book.Accounts {
		var m map[*ledger.Item]ledger.Cents
		if openAt != nil {
			m = openAt(a, asOf)
		}
		var list []open
		for ii := range a.Items {
			it := &a.Items[ii]
			o := it.Open
			if m != nil {
				o = m[it]
			}
			if o <= 0 || it.Amount <= 0 {
				continue
			}
			list = append(list, open{it, o})
			r := ref{int32(ai), int32(len(list) - 1)}
			if n := normInto(buf[:0], it.Number); len(n) > 0 && wantKey[string(n)] {
				byNumber[string(n)] = append(byNumber[string(n)], r)
			}
			if wantAmt[o] {
				byAmount[o] = append(byAmount[o], r)
			}
		}
		opens[ai] = list
		c := &a.Customer
		if k := string(normInto(buf[:0], c.ID)); wantKey[k] {
			byCustomer[k] = ai
		}
		if s := string(normInto(buf[:0], c.SIREN)); len(s) == 9 && wantKey[s] {
			byCustomer[s] = ai
		}
		toks := nameTokens(c.Name)
		nameLen[ai] = len(toks)
		for _, t := range toks {
			if id, ok := wantName[t]; ok {
				nameTok[ai] = append(nameTok[ai], id)
				byName[id] = append(byName[id], ai)
			}
		}
	}

	promised := map[ledger.Cents][]Promise{}
	promisedAcct := map[string]int{}
	for _, p := range promises {
		if wantAmt[p.Amount] {
			promised[p.Amount] = append(promised[p.Amount], p)
			promisedAcct[p.Customer] = -1
		}
	}
	if len(promisedAcct) > 0 {
		for ai, a := range book.Accounts {
			if _, ok := promisedAcct[a.Customer.ID]; ok {
				promisedAcct[a.Customer.ID] = ai
			}
		}
	}

	seen := make([]int32, len(book.Accounts)) // the line (numbered from 1) that compared the customer's name last
	out := make([]Suggestion, 0, len(infos))
	for _, li := range infos {
		l := &lines[li.index]
		type found struct {
			numbered []int32 // positions in opens[acct]
			id       string
			ratio    float64
			promise  *Promise
		}
		cands := map[int]*found{}
		get := func(ai int) *found {
			f := cands[ai]
			if f == nil {
				f = &found{}
				cands[ai] = f
			}
			return f
		}
		for _, k := range li.keys {
			for _, r := range byNumber[k] {
				f := get(int(r.acct))
				if !containsPos(f.numbered, r.pos) {
					f.numbered = append(f.numbered, r.pos)
				}
			}
			if ai, ok := byCustomer[k]; ok {
				get(ai).id = k
			}
		}
		if len(li.name) > 0 {
			// The customers sharing a rare word with the payer, and those sharing its
			// rarest word when all are common (« MENUISERIE CHARLES »).
			stamp := int32(li.index + 1)
			var rarest []int
			for _, t := range li.name {
				if p := byName[t]; len(p) > 0 && (rarest == nil || len(p) < len(rarest)) {
					rarest = p
				}
			}
			for _, t := range li.name {
				p := byName[t]
				if len(p) > maxTokenPosting {
					if len(p) != len(rarest) || len(p) > maxRarestPosting {
						continue
					}
				}
				for _, ai := range p {
					if seen[ai] == stamp {
						continue
					}
					seen[ai] = stamp
					if r := overlap(li.name, nameTok[ai], nameLen[ai]); r >= 0.6 {
						get(ai).ratio = r
					}
				}
			}
		}
		for k, p := range promised[l.Amount] {
			if ai := promisedAcct[p.Customer]; ai >= 0 && abs(l.Booked.DaysSince(p.Due)) <= PromiseDays {
				if f := get(ai); f.promise == nil {
					f.promise = &promised[l.Amount][k]
				}
			}
		}
		amountOnly := map[int]bool{}
		if refs := byAmount[l.Amount]; len(refs) > 0 {
			custs := map[int32]bool{}
			for _, r := range refs {
				custs[r.acct] = true
			}
			if len(custs) <= maxAmountOnly {
				for ai := range custs {
					if cands[int(ai)] == nil {
						amountOnly[int(ai)] = true
						get(int(ai))
					}
				}
			}
		}

		var cs []Candidate
		for ai, f := range cands {
			a := book.Accounts[ai]
			list := opens[ai]
			c := Candidate{Customer: a.Customer.ID}
			score := 0
			numAmt := false
			oneAmt := false
			var sum ledger.Cents
			var nums []string
			if len(f.numbered) > 0 {
				sort.Slice(f.numbered, func(i, j int) bool { return f.numbered[i] < f.numbered[j] })
				for _, p := range f.numbered {
					o := list[p]
					if o.item.DocDate > l.Booked {
						continue // issued after the payment: not what it pays
					}
					c.Items = append(c.Items, o.item.ID)
					sum += o.open
					nums = append(nums, o.item.Number)
				}
				if len(c.Items) == 0 {
					f.numbered = nil
				}
			}
			if len(f.numbered) > 0 {
				c.Amount = sum
				score += scoreNumber
				c.Why = append(c.Why, Reason{Key: "match.why.number", Args: []string{"number", strings.Join(nums, ", ")}})
				if sum == l.Amount {
					score += scoreNumberAmt
					numAmt = true
					c.Why = append(c.Why, Reason{Key: "match.why.amount_numbered", Args: []string{"amount", l.Amount.String()}})
				} else if sum > l.Amount {
					c.Why = append(c.Why, Reason{Key: "match.why.partial", Args: []string{"amount", l.Amount.String(), "open", sum.String()}})
				}
			}
			if f.id != "" {
				score += scoreID
				c.Why = append(c.Why, Reason{Key: "match.why.customer", Args: []string{"value", f.id}})
			}
			if f.ratio > 0 {
				score += int(float64(scoreName)*f.ratio + 0.5)
				c.Why = append(c.Why, Reason{Key: "match.why.name", Args: []string{"name", l.Debtor, "customer", a.Customer.Name}})
			}
			if f.promise != nil {
				score += scorePromise
				c.Why = append(c.Why, Reason{Key: "match.why.promise", Args: []string{"amount", l.Amount.String(), "date", f.promise.Due.String()}})
			}
			if len(f.numbered) == 0 {
				var hit []int
				for p, o := range list {
					if o.open == l.Amount && o.item.DocDate <= l.Booked {
						hit = append(hit, p)
					}
				}
				switch {
				case len(hit) == 1:
					o := list[hit[0]]
					c.Items, c.Amount = []string{o.item.ID}, o.open
					score += scoreAmountOne
					oneAmt = true
					c.Why = append(c.Why, Reason{Key: "match.why.amount_one", Args: []string{"amount", l.Amount.String(), "number", o.item.Number}})
				case len(hit) == 0 && !amountOnly[ai] && len(list) <= maxGroupItems:
					if g := group(list, l.Amount, l.Booked); g != nil {
						var nums []string
						for _, p := range g {
							c.Items = append(c.Items, list[p].item.ID)
							nums = append(nums, list[p].item.Number)
						}
						c.Amount = l.Amount
						score += scoreAmountGroup
						c.Why = append(c.Why, Reason{Key: "match.why.amount_group", Args: []string{"amount", l.Amount.String(), "number", strings.Join(nums, ", ")}})
					}
				}
			}
			if score == 0 {
				continue
			}
			if score > 100 {
				score = 100
			}
			c.Score = score
			c.Exact = numAmt || (oneAmt && (f.ratio > 0 || f.promise != nil))
			cs = append(cs, c)
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].Score != cs[j].Score {
				return cs[i].Score > cs[j].Score
			}
			return cs[i].Customer < cs[j].Customer
		})
		if len(cs) > MaxCandidates {
			cs = cs[:MaxCandidates]
		}
		// Exact only for the best, and only when no other candidate scores as well.
		for i := range cs {
			if i > 0 || (len(cs) > 1 && cs[1].Score == cs[0].Score) {
				cs[i].Exact = false
			}
		}
		out = append(out, Suggestion{Line: li.index, Candidates: cs})
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func containsPos(s []int32, p int32) bool {
	for _, x := range s {
		if x == p {
			return true
		}
	}
	return false
}

// group returns the positions of two or three open debits of list, issued on or before
// by, summing to amount,
// oldest first by position, or nil.
func group(list []open, amount ledger.Cents, by ledger.Date) []int {
	at := make(map[ledger.Cents]int, len(list))
	for p, o := range list {
		if _, ok := at[o.open]; !ok && o.item.DocDate <= by {
			at[o.open] = p
		}
	}
	for i := range list {
		if list[i].item.DocDate > by {
			continue
		}
		if q, ok := at[amount-list[i].open]; ok && q > i {
			return []int{i, q}
		}
	}
	for i := range list {
		for j := i + 1; j < len(list); j++ {
			if list[i].item.DocDate > by || list[j].item.DocDate > by {
				continue
			}
			if q, ok := at[amount-list[i].open-list[j].open]; ok && q > j {
				return []int{i, j, q}
			}
		}
	}
	return nil
}

// normInto appends to dst s in upper case without spaces, dashes, dots or slashes:
// how invoice numbers, codes and SIRENs are compared.
func normInto(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			dst = append(dst, byte(r-'a'+'A'))
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			dst = append(dst, byte(r))
		case r == ' ' || r == '-' || r == '.' || r == '/' || r == '_':
		default:
			if r < 0x80 {
				dst = append(dst, byte(r))
			} else {
				dst = append(dst, string(unicode.ToUpper(r))...)
			}
		}
	}
	return dst
}

// keys returns the words of a text that may be an invoice number, a customer code or
// a SIREN, normalised, and the joins of two and three neighbouring words (« FA 2026
// 02455 », « 123 456 789 »).
func keys(text string) []string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.' || r == '_')
	})
	var out []string
	var b []byte
	for i := range words {
		b = b[:0]
		for j := i; j < len(words) && j < i+3; j++ {
			b = normInto(b, words[j])
			if len(b) >= 3 {
				out = append(out, string(b))
			}
		}
	}
	return out
}

// dropped are the legal forms, civilities and small words left out of names.
var dropped = map[string]bool{
	"SAS": true, "SASU": true, "SARL": true, "SA": true, "EURL": true, "SCI": true, "SNC": true, "ETS": true,
	"STE": true, "SELARL": true, "SCP": true, "EI": true, "EIRL": true, "SCOP": true,
	"M": true, "MR": true, "MME": true, "MLLE": true, "MONSIEUR": true, "MADAME": true,
	"ET": true, "OU": true, "DE": true, "DU": true, "DES": true, "LA": true, "LE": true, "LES": true, "L": true, "D": true,
}

// nameTokens returns the words of a name in upper case, without accents, punctuation,
// legal forms and civilities, each once.
func nameTokens(s string) []string {
	s = norm.NFD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteByte(' ')
		}
	}
	var out []string
	for _, w := range strings.Fields(b.String()) {
		if dropped[w] {
			continue
		}
		dup := false
		for _, x := range out {
			dup = dup || x == w
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}

// overlap is the share of common words of two names: common / the longer's count.
// b holds the words of the second name that can be common, nb its count of words.
func overlap(a, b []int32, nb int) float64 {
	if len(a) == 0 || nb == 0 {
		return 0
	}
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
				break
			}
		}
	}
	return float64(n) / float64(max(len(a), nb))
}

// Text renders the reason in lang, in the user's words: amounts in currency, dates
// as DD/MM/YYYY in French. The window and the command line both show reasons through
// it.
func (r Reason) Text(lang, currency string) string {
	args := slices.Clone(r.Args)
	for i := 0; i+1 < len(args); i += 2 {
		switch args[i] {
		case "amount", "open":
			if c, err := ledger.ParseCents(args[i+1]); err == nil {
				args[i+1] = c.Format(lang, currency)
			}
		case "date":
			if d, err := ledger.ParseDate(args[i+1]); err == nil {
				if i18n.Norm(lang) == "fr" {
					args[i+1] = d.French()
				}
			}
		}
	}
	return i18n.T(lang, r.Key, args...)
}
