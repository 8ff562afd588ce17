package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// pickerRows is how many matching customers the picker's list shows at once.
const pickerRows = 5

// pickerMax bounds the matches listed (type more to narrow them).
const pickerMax = 50

// customerPicker chooses a customer by typing part of its number or name: the
// matching customers, "Name (number)", are listed under the entry; the arrows move in
// the list, Enter or a click chooses, Escape closes the list. It reports the chosen
// customer's ID.
type customerPicker struct {
	app     *App
	entry   *pickerEntry
	list    *widget.List
	listBox *fyne.Container
	box     *fyne.Container
	matches []*ledger.Account
	cur     int    // highlighted match, -1 for none
	id      string // the chosen customer's ID, "" while none
	chosen  func(id string)
}

// pickerEntry is the picker's entry: it hands the arrows, Enter and Escape to the list.
type pickerEntry struct {
	widget.Entry
	picker *customerPicker
}

// TypedKey moves in the matches with the arrows, chooses with Enter, closes with Escape.
func (e *pickerEntry) TypedKey(k *fyne.KeyEvent) {
	p := e.picker
	switch k.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if len(p.matches) == 0 {
			p.search(e.Text)
		}
		if len(p.matches) == 0 {
			return
		}
		row := p.cur + 1
		if k.Name == fyne.KeyUp {
			row = p.cur - 1
		}
		p.highlight(max(0, min(row, len(p.matches)-1)))
	case fyne.KeyReturn, fyne.KeyEnter:
		switch {
		case p.cur >= 0 && p.cur < len(p.matches):
			p.choose(p.matches[p.cur])
		case len(p.matches) == 1:
			p.choose(p.matches[0])
		default:
			if acc := p.app.book.Account(strings.TrimSpace(e.Text)); acc != nil {
				p.choose(acc)
			}
		}
	case fyne.KeyEscape:
		p.close()
	default:
		e.Entry.TypedKey(k)
	}
}

// newCustomerPicker makes a picker showing the customer id (may be ""); chosen is
// called with the ID of each customer chosen. An id that is no customer is shown as
// text, not chosen: what was typed in a form brought back after a refusal.
func (a *App) newCustomerPicker(id string, chosen func(id string)) *customerPicker {
	p := &customerPicker{app: a, cur: -1, chosen: chosen}
	p.entry = &pickerEntry{picker: p}
	p.entry.ExtendBaseWidget(p.entry)
	p.entry.SetPlaceHolder(a.t("ui.pick.hint"))
	if acc := a.book.Account(id); acc != nil {
		p.id = acc.Customer.ID
		p.entry.SetText(p.label(acc))
	} else {
		p.entry.SetText(id)
	}
	p.entry.OnChanged = func(text string) {
		if p.id != "" && text == p.labelOf(p.id) {
			return
		}
		p.id = ""
		p.search(text)
	}
	p.list = widget.NewList(func() int { return len(p.matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(p.matches) {
				o.(*widget.Label).SetText(p.label(p.matches[i]))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.matches) && i != p.cur {
			p.choose(p.matches[i])
		}
	}
	// A list row is as tall as a label: the text's line height and the label's padding.
	row := fyne.MeasureText("", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	p.listBox = container.New(heightLayout{row * pickerRows}, p.list)
	p.listBox.Hide()
	p.box = container.NewVBox(p.entry, p.listBox)
	return p
}

// object is what to put in a form or a layout.
func (p *customerPicker) object() fyne.CanvasObject { return p.box }

// label is how the picker names a customer: "Name (number)".
func (p *customerPicker) label(acc *ledger.Account) string {
	return acc.Customer.Name + " (" + acc.Customer.ID + ")"
}

func (p *customerPicker) labelOf(id string) string {
	if acc := p.app.book.Account(id); acc != nil {
		return p.label(acc)
	}
	return ""
}

// search lists the customers whose number or name contains text (case and accents
// ignored), numbers that start with it first.
func (p *customerPicker) search(text string) {
	p.matches, p.cur = matchCustomers(p.app.book, text), -1
	p.list.UnselectAll()
	p.list.Refresh()
	if len(p.matches) == 0 {
		p.listBox.Hide()
	} else {
		p.listBox.Show()
		p.list.ScrollToTop()
	}
	p.box.Refresh()
}

// matchCustomers returns the customers of book whose number or name contains text,
// those whose number starts with it first, at most pickerMax; none for blank text.
func matchCustomers(book *ledger.Book, text string) []*ledger.Account {
	q := foldText(strings.TrimSpace(text))
	if q == "" || book == nil {
		return nil
	}
	var first, then []*ledger.Account
	for _, acc := range book.Accounts {
		id := foldText(acc.Customer.ID)
		switch {
		case strings.HasPrefix(id, q):
			first = append(first, acc)
		case strings.Contains(id, q) || strings.Contains(foldText(acc.Customer.Name), q):
			then = append(then, acc)
		}
	}
	out := append(first, then...)
	if len(out) > pickerMax {
		out = out[:pickerMax]
	}
	return out
}

// foldText lowers s and drops the French accents, for searching.
func foldText(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i",
		"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c").Replace(strings.ToLower(s))
}

// highlight marks match row as the one Enter chooses.
func (p *customerPicker) highlight(row int) {
	p.cur = row
	p.list.Select(row)
	p.list.ScrollTo(row)
}

// choose takes acc as the chosen customer, shows it in the entry and closes the list.
func (p *customerPicker) choose(acc *ledger.Account) {
	p.id = acc.Customer.ID
	p.entry.SetText(p.label(acc))
	p.close()
	p.app.trace("select", "list", "customer_picker", "id", p.id)
	if p.chosen != nil {
		p.chosen(p.id)
	}
}

// close hides the list of matches.
func (p *customerPicker) close() {
	p.matches, p.cur = nil, -1
	p.list.UnselectAll()
	p.listBox.Hide()
	p.box.Refresh()
}

// customerID is the chosen customer's ID, or the number typed when it names one.
func (p *customerPicker) customerID() string {
	if p.id != "" {
		return p.id
	}
	if acc := p.app.book.Account(strings.TrimSpace(p.entry.Text)); acc != nil {
		return acc.Customer.ID
	}
	return ""
}

// heightLayout gives its objects a minimum height (and their own minimum width).
type heightLayout struct{ height float32 }

// MinSize is the objects' widest minimum width by the layout's height.
func (l heightLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.height)
}

// Layout gives every object the whole space.
func (l heightLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// dateField is an entry for a date typed DD/MM/YYYY (validated as typed) with a button
// that opens a calendar; date reads it back.
type dateField struct {
	entry *widget.Entry
	box   fyne.CanvasObject
}

// newDateField makes a date field showing d.
func (a *App) newDateField(d ledger.Date) *dateField {
	f := &dateField{entry: widget.NewEntry()}
	f.entry.SetPlaceHolder(a.t("ui.legal.date_hint"))
	f.entry.SetText(a.date(d))
	f.entry.Validator = func(s string) error {
		_, err := parseDate(strings.TrimSpace(s))
		return err
	}
	var cal *widget.Button
	cal = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		start := a.asOf
		if v, err := f.date(); err == nil {
			start = v
		}
		var pop *widget.PopUp
		c := widget.NewCalendar(start.Time(), func(t time.Time) {
			pop.Hide()
			f.entry.SetText(a.date(ledger.DateOf(t)))
		})
		pop = widget.NewPopUp(c, a.win.Canvas())
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(cal)
		pop.ShowAtPosition(pos.Add(fyne.NewPos(0, cal.Size().Height)))
		pop.Resize(c.MinSize().Add(fyne.NewSize(0, f.entry.MinSize().Height)))
	})
	f.box = container.NewBorder(nil, nil, nil, cal, f.entry)
	return f
}

// date is the date typed or picked.
func (f *dateField) date() (ledger.Date, error) {
	return parseDate(strings.TrimSpace(f.entry.Text))
}

// filledEntry is a one-line entry holding text, with hint as its placeholder: a field of a
// form that comes back with what was typed.
func filledEntry(text, hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.SetText(text)
	return e
}
