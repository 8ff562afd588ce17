package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A right click on a row of the disputes list opens its context menu; "Open the
// customer" goes to that dispute's customer.
func TestDisputesRowContextMenu(t *testing.T) {
	a := openDemoApp(t, "en")
	a.disputesView.status = "active"
	a.showScreen(screenDisputes)
	rows := a.disputesView.filteredDisputes()
	if len(rows) == 0 {
		t.Fatal("no dispute in the demo")
	}
	var cell *cellLabel
	for _, o := range visible(a.win.Content()) {
		if c, ok := o.(*cellLabel); ok && c.row == 0 && c.menu != nil {
			cell = c
			break
		}
	}
	if cell == nil {
		t.Fatal("no right-clickable cell on the first row")
	}
	cell.TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(300, 200)})
	var menu *widget.Menu
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, v := range append([]fyne.CanvasObject{o}, visible(o)...) {
			switch m := v.(type) {
			case *widget.PopUpMenu:
				menu = m.Menu
			case *widget.Menu:
				menu = m
			}
		}
	}
	if menu == nil {
		t.Fatal("no context menu after a right click")
	}
	var names []string
	var openCustomer *fyne.MenuItem
	for _, o := range menu.Items {
		// Fyne's menu rows are unexported types with an exported Item field.
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().FieldByName("Item").Kind() == reflect.Invalid {
			continue
		}
		it, _ := v.Elem().FieldByName("Item").Interface().(*fyne.MenuItem)
		if it == nil {
			continue
		}
		names = append(names, it.Label)
		if it.Label == a.t("ui.disp.open_customer") {
			openCustomer = it
		}
	}
	if openCustomer == nil {
		t.Fatalf("menu items %q", names)
	}
	openCustomer.Action()
	if a.screen != screenClients || a.clients.selected != rows[0].Customer {
		t.Errorf("screen %d, customer %q; want the Clients screen on %q", a.screen, a.clients.selected, rows[0].Customer)
	}
}

// A right click on a customer of the Clients list offers the customer's actions; the
// letter entry opens the Courriers screen on that customer.
func TestClientsRowContextMenu(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenClients)
	first := a.clients.view.rows[0].ID
	var cell *cellLabel
	for _, o := range visible(a.win.Content()) {
		if c, ok := o.(*cellLabel); ok && c.row == 0 && c.menu != nil {
			cell = c
			break
		}
	}
	if cell == nil {
		t.Fatal("no right-clickable cell on the first row")
	}
	cell.TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(300, 200)})
	items := a.customerActions(first)
	if len(items) < 5 || !hasText(a.win, a.t("ui.detail.injonction")) {
		t.Fatalf("context menu not shown: %q", texts(a.win))
	}
	items[1].Action() // items[0] opens the customer's card
	if a.screen != screenLetters || a.lettersView.customer != first {
		t.Errorf("screen %d, letters customer %q; want Courriers on %q", a.screen, a.lettersView.customer, first)
	}
}
