package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"relance/ledger/demo"
)

// BenchmarkDashboardOpen50k1M measures opening the dashboard on a 50,000-customer,
// 1,000,000-item dossier: the KPIs, the 24-month history, the aged balance and the
// screen built from them.
func BenchmarkDashboardOpen50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	book := demo.GenerateBook(50000, 1000000, 1, anchor)
	fa := test.NewApp()
	defer fa.Quit()
	a := newApp(fa, anchor)
	a.setSession(bookSession(book))
	a.recompute()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := a.sess.Dashboard(a.asOf, historyMonths, 0)
		if err != nil {
			b.Fatal(err)
		}
		a.dash.setDashboard(book, a.asOf, f)
		a.screen = screenDashboard
		a.win.SetContent(a.dash.dashboardScreen())
	}
}
