package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/bank/match"
	"relance/ledger/payment"
)

// runBank dispatches `relance bank import`: a bank statement read, matched with the
// open invoices, and the lines decided recorded in one transaction
// (desk.ReviewStatement, ApplyStatement).
func runBank(env *Env, args []string) error {
	if len(args) == 0 || args[0] != "import" {
		v := ""
		if len(args) > 0 {
			v = args[0]
		}
		return &usageError{msg: i18n.T(env.Lang, "bankimp.cli.sub", "value", v)}
	}
	return env.bankImport(args[1:])
}

// bankTake is one --take N=CUSTOMER[:FA1,FA2] or N=#K, parsed.
type bankTake struct {
	n        int // 1-based number of the line in the listing
	k        int // 1-based candidate, or 0
	customer string
	numbers  []string
}

func (env *Env) parseTake(s string) (bankTake, error) {
	bad := &usageError{msg: i18n.T(env.Lang, "bankimp.cli.badtake", "value", s)}
	left, right, ok := strings.Cut(s, "=")
	n, err := strconv.Atoi(strings.TrimSpace(left))
	if !ok || err != nil || n < 1 || strings.TrimSpace(right) == "" {
		return bankTake{}, bad
	}
	t := bankTake{n: n}
	right = strings.TrimSpace(right)
	if k, ok := strings.CutPrefix(right, "#"); ok {
		if t.k, err = strconv.Atoi(k); err != nil || t.k < 1 {
			return bankTake{}, bad
		}
		return t, nil
	}
	cust, nums, _ := strings.Cut(right, ":")
	t.customer = strings.TrimSpace(cust)
	for _, x := range strings.Split(nums, ",") {
		if x = strings.TrimSpace(x); x != "" {
			t.numbers = append(t.numbers, x)
		}
	}
	return t, nil
}

// bankImport reads, matches and records a bank statement (`relance bank import`).
// Without --auto or --take it records nothing: it prints each line's suggestions.
func (env *Env) bankImport(args []string) error {
	fs := env.flags("bank import")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today); the lines may not be booked after it")
	auto := fs.Bool("auto", false, "record the unambiguous exact matches (and the returns they come with)")
	dry := fs.Bool("dry-run", false, "show what would be recorded, write nothing")
	by := fs.String("by", "", "who records it (default: the dossier's signatory)")
	format := fs.String("format", "text", "output format: text or json")
	var takes listFlag
	fs.Var(&takes, "take", "N=CUSTOMER[:INVOICE,…] or N=#K: record line N for that customer (its invoices, or the oldest first) or with its K-th suggestion (repeat)")
	if err := env.parse(fs, args, true); err != nil {
		return err
	}
	if err := env.required("db", *path); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &usageError{msg: i18n.T(env.Lang, "bankimp.cli.file")}
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	var parsed []bankTake
	for _, s := range takes {
		t, err := env.parseTake(s)
		if err != nil {
			return err
		}
		parsed = append(parsed, t)
	}
	st, err := desk.ReadStatement(fs.Arg(0))
	if err != nil {
		return err
	}
	write := (*auto || len(parsed) > 0) && !*dry
	var rev *desk.BankReview
	var res *desk.BankResult
	var chosen map[int]bool
	var book *ledger.Book
	work := func(ss *desk.Session) error {
		book = ss.Book
		var err error
		if rev, err = ss.ReviewStatement(st, asOf); err != nil {
			return err
		}
		var choices []desk.BankChoice
		if choices, err = env.bankChoices(rev, *auto, parsed); err != nil {
			return err
		}
		chosen = map[int]bool{}
		for _, c := range choices {
			chosen[c.Line] = true
		}
		if !write {
			return nil
		}
		res, err = ss.ApplyStatement(rev, choices, asOf, *by)
		return err
	}
	if write {
		err = env.withWrite(*path, work)
	} else {
		err = withRead(*path, work)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, bankJSON(env.Lang, book, rev, res))
	}
	return env.printBankReview(book, rev, res, chosen, write)
}

// withRead opens the dossier at path to read it, runs read and closes it.
func withRead(path string, read func(*desk.Session) error) error {
	ss, err := desk.OpenRead(path)
	if err != nil {
		return err
	}
	return errors.Join(read(ss), ss.Close())
}

// bankChoices turns --auto and --take into the review's choices; a --take line wins
// over --auto's choice for it.
func (env *Env) bankChoices(r *desk.BankReview, auto bool, takes []bankTake) ([]desk.BankChoice, error) {
	byLine := map[int]desk.BankChoice{}
	if auto {
		for _, c := range r.AutoChoices() {
			byLine[c.Line] = c
		}
	}
	for _, t := range takes {
		i := t.n - 1
		if i >= len(r.Lines) {
			return nil, &usageError{msg: i18n.T(env.Lang, "bankimp.cli.noline", "value", strconv.Itoa(t.n), "max", strconv.Itoa(len(r.Lines)))}
		}
		bl := &r.Lines[i]
		switch {
		case t.k > 0:
			n := len(bl.Candidates)
			if bl.State == desk.BankReturn {
				n = len(bl.Takes)
			}
			if t.k > n {
				return nil, &usageError{msg: i18n.T(env.Lang, "bankimp.cli.nocand", "line", strconv.Itoa(t.n), "value", strconv.Itoa(t.k), "max", strconv.Itoa(n))}
			}
			byLine[i] = r.Choose(i, t.k-1)
		case bl.State == desk.BankCredit:
			byLine[i] = desk.BankChoice{Line: i, Customer: t.customer, Numbers: t.numbers}
		default:
			return nil, &usageError{msg: i18n.T(env.Lang, "bankimp.cli.notcredit", "line", strconv.Itoa(t.n))}
		}
	}
	out := make([]desk.BankChoice, 0, len(byLine))
	for i := range r.Lines {
		if c, ok := byLine[i]; ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// lineText is what the payer wrote, or the bank's wording.
func lineText(l *desk.BankLine) string {
	t := strings.TrimSpace(l.Remittance)
	if t == "" {
		t = strings.TrimSpace(l.Label)
	}
	return strings.Join(strings.Fields(t), " ")
}

// candidateText names a candidate for people: the customer, the invoices, the score.
func candidateText(lang string, book *ledger.Book, c match.Candidate) string {
	var nums []string
	if a := book.Account(c.Customer); a != nil {
		for _, id := range c.Items {
			for i := range a.Items {
				if a.Items[i].ID == id {
					nums = append(nums, a.Items[i].Number)
				}
			}
		}
	}
	inv := i18n.T(lang, "bankimp.cli.fifo")
	if len(nums) > 0 {
		inv = strings.Join(nums, ", ")
	}
	return i18n.T(lang, "bankimp.cli.cand", "customer", c.Customer, "name", customerName(book, c.Customer), "invoices", inv,
		"score", strconv.Itoa(c.Score))
}

// takeText names what a return takes back, for people.
func takeText(lang string, book *ledger.Book, r *desk.BankReview, t match.Taken) string {
	if t.Line >= 0 {
		return i18n.T(lang, "bankimp.cli.take_line", "n", strconv.Itoa(t.Line+1), "date", dateText(lang, t.Date))
	}
	what := t.Payment
	if what == "" {
		what = strings.Join(t.Numbers, ", ")
	}
	return i18n.T(lang, "bankimp.cli.take", "customer", t.Customer, "name", customerName(book, t.Customer),
		"date", dateText(lang, t.Date), "what", what, "score", strconv.Itoa(t.Score))
}

// printBankReview prints each credit and return with its suggestions and what became
// of it, then the totals.
func (env *Env) printBankReview(book *ledger.Book, r *desk.BankReview, res *desk.BankResult, chosen map[int]bool, wrote bool) error {
	l := env.Lang
	cur := book.Settings.Currency
	w := env.Stdout
	st := r.Statement
	fmt.Fprintln(w, i18n.T(l, "bankimp.cli.head", "file", st.File, "format", st.Format, "lines", strconv.Itoa(len(st.Lines))))
	if r.Seen != nil && len(r.Seen.Imports) > 0 {
		fmt.Fprintln(w, i18n.T(l, "bankimp.cli.seen", "date", dateText(l, r.Seen.Imports[0])))
	}
	recorded := map[int]payment.Payment{}
	if res != nil {
		for k, i := range res.Lines {
			recorded[i] = res.Payments[k]
		}
	}
	var others int
	for i := range r.Lines {
		bl := &r.Lines[i]
		if bl.State == desk.BankOther {
			others++
			continue
		}
		kind := i18n.T(l, "bankimp.cli.kind."+bl.State)
		payer := bl.Debtor
		if strings.TrimSpace(payer) == "" {
			payer = i18n.T(l, "bankimp.cli.nopayer")
		}
		fmt.Fprintf(w, "\n%s\n", i18n.T(l, "bankimp.cli.line", "n", strconv.Itoa(i+1), "where", i18n.T(l, "bankimp.cli.row", "row", strconv.Itoa(bl.Row)), "date", dateText(l, bl.Booked),
			"amount", bl.Amount.Format(l, cur), "kind", kind, "payer", payer, "text", truncate(lineText(bl), 80)))
		switch bl.State {
		case desk.BankDone:
			fmt.Fprintln(w, "   "+i18n.T(l, "bankimp.cli.done", "id", bl.Payment))
			continue
		case desk.BankCredit:
			for k, c := range bl.Candidates {
				fmt.Fprintf(w, "   %d. %s\n", k+1, candidateText(l, book, c))
				for _, why := range c.Why {
					fmt.Fprintf(w, "      - %s\n", why.Text(l, cur))
				}
			}
			if len(bl.Candidates) == 0 {
				fmt.Fprintln(w, "   "+i18n.T(l, "bankimp.cli.nomatch"))
			}
			if bl.TakenBack >= 0 {
				fmt.Fprintln(w, "   "+i18n.T(l, "bankimp.cli.takenback", "n", strconv.Itoa(bl.TakenBack+1)))
			}
		case desk.BankReturn:
			for k, t := range bl.Takes {
				fmt.Fprintf(w, "   %d. %s\n", k+1, takeText(l, book, r, t))
				for _, why := range t.Why {
					fmt.Fprintf(w, "      - %s\n", why.Text(l, cur))
				}
			}
			if len(bl.Takes) == 0 {
				fmt.Fprintln(w, "   "+i18n.T(l, "bankimp.cli.nomatch"))
			}
		}
		switch p, ok := recorded[i]; {
		case ok && p.IsReturn():
			fmt.Fprintln(w, "   → "+i18n.T(l, "bankimp.cli.rec_return", "id", p.ID, "customer", p.Customer))
		case ok:
			fmt.Fprintln(w, "   → "+i18n.T(l, "bankimp.cli.rec_payment", "id", p.ID, "customer", p.Customer,
				"allocated", p.Allocated().Format(l, cur)))
		case chosen[i] && !wrote:
			fmt.Fprintln(w, "   → "+i18n.T(l, "bankimp.cli.would"))
		case bl.Auto && !wrote:
			fmt.Fprintln(w, "   → "+i18n.T(l, "bankimp.cli.auto"))
		default:
			fmt.Fprintln(w, "   → "+i18n.T(l, "bankimp.cli.left"))
		}
	}
	fmt.Fprintln(w)
	if res != nil {
		var pays, rets int
		for _, p := range res.Payments {
			if p.IsReturn() {
				rets++
			} else {
				pays++
			}
		}
		fmt.Fprintln(w, i18n.T(l, "bankimp.cli.total", "payments", strconv.Itoa(pays), "returns", strconv.Itoa(rets),
			"left", strconv.Itoa(res.Left), "done", strconv.Itoa(res.Done), "others", strconv.Itoa(others)))
		return nil
	}
	if n := len(chosen); n > 0 {
		fmt.Fprintln(w, i18n.T(l, "bankimp.cli.dry", "n", strconv.Itoa(n), "pending", strconv.Itoa(r.Pending()), "others", strconv.Itoa(others)))
		return nil
	}
	fmt.Fprintln(w, i18n.T(l, "bankimp.cli.nothing", "pending", strconv.Itoa(r.Pending()), "others", strconv.Itoa(others)))
	return nil
}

// bankLineJSON is a line of the review as --format json gives it. Lines are numbered
// from 1 (n), and every reference to a line (taken_back_by, a take's line, the
// result's lines) is that number.
type bankLineJSON struct {
	N          int              `json:"n"`
	Pos        string           `json:"pos,omitempty"`
	Row        int              `json:"row"`
	Date       ledger.Date      `json:"date"`
	Amount     ledger.Cents     `json:"amount"`
	Credit     bool             `json:"credit"`
	State      string           `json:"state"`
	Payer      string           `json:"payer,omitempty"`
	Text       string           `json:"text,omitempty"`
	Auto       bool             `json:"auto"`
	Candidates []candidateJSON  `json:"candidates,omitempty"`
	Takes      []takenJSON      `json:"takes,omitempty"`
	TakenBack  int              `json:"taken_back_by,omitempty"` // 1-based line, 0: none
	Recorded   *payment.Payment `json:"recorded,omitempty"`
	Payment    string           `json:"payment,omitempty"` // recorded by an earlier import
}

// reasonJSON is why a candidate or a take was found: a catalogue key and its
// name/value arguments.
type reasonJSON struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// candidateJSON is a match.Candidate in snake_case, with the customer's name and the
// reasons in the user's language (says).
type candidateJSON struct {
	Customer string       `json:"customer"`
	Name     string       `json:"name"`
	Items    []string     `json:"items"`
	Amount   ledger.Cents `json:"amount"`
	Score    int          `json:"score"`
	Exact    bool         `json:"exact"`
	Why      []reasonJSON `json:"why"`
	Says     []string     `json:"says"`
}

// takenJSON is a match.Taken (what a returned payment takes back) in snake_case.
type takenJSON struct {
	Line     int          `json:"line,omitempty"` // 1-based line of this statement, 0: none
	Payment  string       `json:"payment,omitempty"`
	Item     string       `json:"item,omitempty"`
	Customer string       `json:"customer,omitempty"`
	Date     ledger.Date  `json:"date,omitempty"`
	Amount   ledger.Cents `json:"amount"`
	Settled  []string     `json:"settled"`
	Numbers  []string     `json:"numbers"`
	Ref      string       `json:"ref,omitempty"`
	Score    int          `json:"score"`
	Exact    bool         `json:"exact"`
	Why      []reasonJSON `json:"why"`
}

// bankResultJSON is desk.BankResult with the lines numbered from 1.
type bankResultJSON struct {
	Payments []payment.Payment `json:"payments"`
	Lines    []int             `json:"lines"`
	Left     int               `json:"left"`
	Done     int               `json:"done"`
}

func reasonsJSON(rs []match.Reason) []reasonJSON {
	out := []reasonJSON{}
	for _, r := range rs {
		out = append(out, reasonJSON{r.Key, r.Args})
	}
	return out
}

// orEmpty is s, or an empty list for JSON (never null).
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func bankJSON(lang string, book *ledger.Book, r *desk.BankReview, res *desk.BankResult) any {
	cur := book.Settings.Currency
	lines := []bankLineJSON{}
	recorded := map[int]payment.Payment{}
	var result *bankResultJSON
	if res != nil {
		result = &bankResultJSON{Payments: orEmpty(res.Payments), Lines: []int{}, Left: res.Left, Done: res.Done}
		for k, i := range res.Lines {
			recorded[i] = res.Payments[k]
			result.Lines = append(result.Lines, i+1)
		}
	}
	for i := range r.Lines {
		bl := &r.Lines[i]
		j := bankLineJSON{N: i + 1, Pos: bl.Pos, Row: bl.Row, Date: bl.Booked, Amount: bl.Amount, Credit: bl.Credit, State: bl.State,
			Payer: bl.Debtor, Text: lineText(bl), Auto: bl.Auto, Payment: bl.Payment}
		if bl.TakenBack >= 0 {
			j.TakenBack = bl.TakenBack + 1
		}
		for _, c := range bl.Candidates {
			cj := candidateJSON{Customer: c.Customer, Name: customerName(book, c.Customer), Items: orEmpty(c.Items), Amount: c.Amount,
				Score: c.Score, Exact: c.Exact, Why: reasonsJSON(c.Why), Says: []string{}}
			for _, w := range c.Why {
				cj.Says = append(cj.Says, w.Text(lang, cur))
			}
			j.Candidates = append(j.Candidates, cj)
		}
		for _, tk := range bl.Takes {
			tj := takenJSON{Payment: tk.Payment, Item: tk.Item, Customer: tk.Customer, Date: tk.Date, Amount: tk.Amount,
				Settled: orEmpty(tk.Settled), Numbers: orEmpty(tk.Numbers), Ref: tk.Ref, Score: tk.Score, Exact: tk.Exact, Why: reasonsJSON(tk.Why)}
			if tk.Line >= 0 {
				tj.Line = tk.Line + 1
			}
			j.Takes = append(j.Takes, tj)
		}
		if p, ok := recorded[i]; ok {
			j.Recorded = &p
		}
		lines = append(lines, j)
	}
	out := struct {
		File   string          `json:"file"`
		Hash   string          `json:"hash"`
		Format string          `json:"format"`
		Seen   bool            `json:"imported_before"`
		Lines  []bankLineJSON  `json:"lines"`
		Result *bankResultJSON `json:"result,omitempty"`
	}{r.Statement.File, r.Statement.Hash, r.Statement.Format, r.Seen != nil, lines, result}
	return out
}
