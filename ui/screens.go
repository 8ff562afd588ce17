package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// noDossierScreen is shown while no dossier is open: why, and how to open one.
func (a *App) noDossierScreen() fyne.CanvasObject {
	if a.busy {
		bar := widget.NewProgressBarInfinite()
		msg := widget.NewLabel(a.busyMsg)
		msg.Alignment = fyne.TextAlignCenter
		return container.NewCenter(container.NewVBox(msg, withWidth(320, bar)))
	}
	return a.welcomeScreen()
}
