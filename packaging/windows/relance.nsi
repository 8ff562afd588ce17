; Relance's Windows installer, built on Linux by scripts/dist.sh with Debian's makensis:
;   makensis -V2 -DVERSION=0.1.0 -DSRCDIR=dir -DOUTFILE=Relance-0.1.0-setup.exe packaging/windows/relance.nsi
; SRCDIR holds relance.exe, relance-cli.exe, relance.ico, LICENSE.txt and THIRD_PARTY_NOTICES.txt.
;
; Choices (issue 23):
; - Per-user install in %LOCALAPPDATA%\Programs\Relance, no administrator rights asked: the
;   person who chases invoices in a small firm often has no admin account. Everything it writes
;   is under HKCU; nothing needs elevation, so nothing is asked.
; - Start menu: « Relance » (the window) and « Relance - ligne de commande », a cmd.exe whose
;   PATH starts with the install folder, so that relance-cli is typed as is. The user's PATH is
;   never changed: rewriting it from NSIS risks cutting a long PATH at NSIS's string limit.
; - Dossiers (*.relance) open in Relance on double-click (HKCU\Software\Classes).
; - The uninstaller removes the program, its shortcuts and its registry keys, never the
;   dossiers: they live in %LOCALAPPDATA%\Relance and wherever the user saved them.
; - French and English pages, picked from the Windows display language (MUI2).

; 64-bit installer: Relance runs only on 64-bit Windows (amd64), and wine64 can run it in CI.
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "VERSION is not defined (makensis -DVERSION=x.y.z)"
!endif
!ifndef SRCDIR
  !error "SRCDIR is not defined (makensis -DSRCDIR=folder)"
!endif
!ifndef OUTFILE
  !define OUTFILE "Relance-${VERSION}-setup.exe"
!endif

!define PRODUCT "Relance"
!define DOSSIER_EXT ".relance"
!define DOSSIER_CLASS "Relance.Dossier"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Relance"
!define SETTINGS_KEY "Software\Relance"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Relance"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Relance - installation"
VIAddVersionKey /LANG=0 "LegalCopyright" "Apache License 2.0"

!define MUI_ICON "${SRCDIR}\relance.ico"
!define MUI_UNICON "${SRCDIR}\relance.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\relance.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\THIRD_PARTY_NOTICES.txt"
!define MUI_FINISHPAGE_SHOWREADME_TEXT "$(NoticesLink)"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
; The licence is shown, not to be accepted: Apache-2.0 asks nothing of the person who uses the program.
!define MUI_LICENSEPAGE_BUTTON "$(^NextBtn)"
!define MUI_LICENSEPAGE_TEXT_BOTTOM "$(LicenceBottom)"
!insertmacro MUI_PAGE_LICENSE "${SRCDIR}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepDossiers)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString CliShortcut ${LANG_FRENCH} "Relance - ligne de commande"
LangString CliShortcut ${LANG_ENGLISH} "Relance - command line"
LangString CliComment ${LANG_FRENCH} "Invite de commandes où relance-cli est disponible"
LangString CliComment ${LANG_ENGLISH} "Command prompt where relance-cli is available"
LangString AppComment ${LANG_FRENCH} "Poste de travail du recouvrement de créances"
LangString AppComment ${LANG_ENGLISH} "Credit-collection workbench"
LangString DossierType ${LANG_FRENCH} "Dossier Relance"
LangString DossierType ${LANG_ENGLISH} "Relance dossier"
LangString NoticesLink ${LANG_FRENCH} "Afficher les licences des composants tiers"
LangString NoticesLink ${LANG_ENGLISH} "Show the third-party licences"
LangString LicenceBottom ${LANG_FRENCH} "Relance est un logiciel libre (licence Apache 2.0) : vous pouvez l'utiliser sans rien accepter. Les licences des composants tiers sont installées à côté du programme."
LangString LicenceBottom ${LANG_ENGLISH} "Relance is free software (Apache License 2.0): you may use it without accepting anything. The third-party licences are installed beside the program."
LangString KeepDossiers ${LANG_FRENCH} "Relance va être désinstallé. Vos dossiers ne sont pas supprimés."
LangString KeepDossiers ${LANG_ENGLISH} "Relance will be uninstalled. Your dossiers are not deleted."

Section "Relance" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${SRCDIR}\relance.exe"
  File "${SRCDIR}\relance-cli.exe"
  File "${SRCDIR}\LICENSE.txt"
  File "${SRCDIR}\THIRD_PARTY_NOTICES.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu. The command-line prompt starts in the user's documents.
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\relance.exe" "" "$INSTDIR\relance.exe" 0 SW_SHOWNORMAL "" "$(AppComment)"
  SetOutPath "$DOCUMENTS"
  CreateShortcut "$SMPROGRAMS\$(CliShortcut).lnk" "$SYSDIR\cmd.exe" '/k set "PATH=$INSTDIR;%PATH%" & relance-cli --version' "$INSTDIR\relance.exe" 0 SW_SHOWNORMAL "" "$(CliComment)"
  SetOutPath "$INSTDIR"

  ; Dossiers open in Relance.
  WriteRegStr HKCU "Software\Classes\${DOSSIER_EXT}" "" "${DOSSIER_CLASS}"
  WriteRegStr HKCU "Software\Classes\${DOSSIER_CLASS}" "" "$(DossierType)"
  WriteRegStr HKCU "Software\Classes\${DOSSIER_CLASS}\DefaultIcon" "" "$INSTDIR\relance.exe,0"
  WriteRegStr HKCU "Software\Classes\${DOSSIER_CLASS}\shell\open\command" "" '"$INSTDIR\relance.exe" "%1"'
  ; SHChangeNotify(SHCNE_ASSOCCHANGED): Explorer shows the new icon and action at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings › Apps lists it, with its uninstaller.
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${SETTINGS_KEY}" "Language" "$LANGUAGE"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\relance.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\relance.exe"
  Delete "$INSTDIR\relance-cli.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD_PARTY_NOTICES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$SMPROGRAMS\$(CliShortcut).lnk"

  ; The extension is removed only while it still points at Relance.
  ReadRegStr $0 HKCU "Software\Classes\${DOSSIER_EXT}" ""
  StrCmp $0 "${DOSSIER_CLASS}" 0 +2
    DeleteRegKey HKCU "Software\Classes\${DOSSIER_EXT}"
  DeleteRegKey HKCU "Software\Classes\${DOSSIER_CLASS}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
