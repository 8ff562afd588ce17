package ui

import "fyne.io/fyne/v2"

// widthLayout stacks its objects and asks for at least a given width, so that a
// navigation bar or an entry in a box keeps a readable size.
type widthLayout struct{ width float32 }

// MinSize is the largest minimum size of the objects, widened to the layout's width.
func (l widthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	if s.Width < l.width {
		s.Width = l.width
	}
	return s
}

// Layout gives every object the whole area.
func (l widthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// withWidth wraps o so that it is at least width wide.
func withWidth(width float32, o fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: widthLayout{width}, Objects: []fyne.CanvasObject{o}}
}
