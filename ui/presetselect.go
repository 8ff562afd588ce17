package ui

import (
	"slices"

	"fyne.io/fyne/v2/widget"
)

// presetSelect chooses a column mapping by name, the built-in ones shown in the user's
// words (« Colonnes reconnues par leur en-tête ») rather than by their stored names.
type presetSelect struct {
	a     *App
	sel   *widget.Select
	names []string
}

// newPresetSelect lists names; pick gets the stored name of the one chosen.
func (a *App) newPresetSelect(names []string, pick func(name string)) *presetSelect {
	p := &presetSelect{a: a}
	p.sel = widget.NewSelect(nil, func(label string) {
		if i := slices.Index(p.sel.Options, label); i >= 0 && i < len(p.names) {
			pick(p.names[i])
		}
	})
	p.setNames(names)
	return p
}

// label is how a preset is shown: a built-in one by what it does, a saved one by its
// name.
func (p *presetSelect) label(name string) string {
	switch name {
	case "generic":
		return p.a.t("ui.import.preset_generic")
	case "excel-fr":
		return p.a.t("ui.import.preset_excel_fr")
	}
	return name
}

// setNames replaces the list, keeping the choice.
func (p *presetSelect) setNames(names []string) {
	p.names = slices.Clone(names)
	p.sel.Options = make([]string, len(names))
	for i, n := range names {
		p.sel.Options[i] = p.label(n)
	}
	p.sel.Refresh()
}

// setSelected chooses the preset stored as name.
func (p *presetSelect) setSelected(name string) { p.sel.SetSelected(p.label(name)) }
