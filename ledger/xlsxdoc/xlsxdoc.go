// Package xlsxdoc holds what every workbook Relance writes says about itself: the
// title block above the table (company, title, a line such as the currency) and the
// document properties (creator, title, subject, dates) — so that a workbook opened in
// Excel or LibreOffice tells whose figures these are, at which date, and no longer
// shows the library's default author.
package xlsxdoc

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"relance/assets/i18n"
	"relance/ledger"
)

// Head is a workbook's title block and properties.
type Head struct {
	Company string      // the company's name; "" gives no company line and "Relance" as creator
	Title   string      // « Balance âgée au 04/12/2026 »
	Lines   []string    // lines under the title (« Montants en EUR »), "" skipped
	Subject string      // the document's subject property
	Created ledger.Date // the as-of or closing date: the document's created and modified dates
	Lang    string      // the workbook's language property
}

// Creator is the creator property: the company, else "Relance".
func (h *Head) Creator() string {
	if h.Company != "" {
		return h.Company
	}
	return "Relance"
}

// Write writes the title block at the top of sheet (company and title in bold, the
// title larger, then the lines) and sets the workbook's properties. It returns the
// first row free for the table, one blank row below the block.
func Write(f *excelize.File, sheet string, h Head) (int, error) {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return 0, fmt.Errorf("workbook title: %w", err)
	}
	big, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return 0, fmt.Errorf("workbook title: %w", err)
	}
	row := 1
	put := func(text string, style int) error {
		ref, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		row++
		if err := f.SetCellStr(sheet, ref, text); err != nil {
			return err
		}
		if style == 0 {
			return nil
		}
		return f.SetCellStyle(sheet, ref, ref, style)
	}
	if h.Company != "" {
		if err := put(h.Company, bold); err != nil {
			return 0, fmt.Errorf("workbook title: %w", err)
		}
	}
	if err := put(h.Title, big); err != nil {
		return 0, fmt.Errorf("workbook title: %w", err)
	}
	for _, l := range h.Lines {
		if l == "" {
			continue
		}
		if err := put(l, 0); err != nil {
			return 0, fmt.Errorf("workbook title: %w", err)
		}
	}
	// W3CDTF, the as-of date at midnight: the figures' date, not the clock's.
	created := h.Created.String() + "T00:00:00Z"
	err = f.SetDocProps(&excelize.DocProperties{Creator: h.Creator(), LastModifiedBy: h.Creator(), Title: h.Title,
		Subject: h.Subject, Created: created, Modified: created, Language: i18n.Norm(h.Lang)})
	if err != nil {
		return 0, fmt.Errorf("workbook properties: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "Relance", Company: h.Company}); err != nil {
		return 0, fmt.Errorf("workbook properties: %w", err)
	}
	return row + 1, nil
}

// FreezeThrough freezes the rows 1 to row (the title block and the header row), so
// that the header stays in view while the table scrolls.
func FreezeThrough(f *excelize.File, sheet string, row int) error {
	top, err := excelize.CoordinatesToCellName(1, row+1)
	if err != nil {
		return fmt.Errorf("workbook panes: %w", err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: top, ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("workbook panes: %w", err)
	}
	return nil
}

// LongDate is a date in a title: 04/12/2026 in French, "4 December 2026" in English.
func LongDate(lang string, d ledger.Date) string {
	if i18n.Norm(lang) == "fr" {
		return d.French()
	}
	return d.Time().Format("2 January 2006")
}
