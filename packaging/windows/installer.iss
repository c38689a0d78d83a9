; Inno Setup 6 script: installs the PyInstaller folder dist\Transcript Reader as a Windows app.
;
; Build the folder first (python packaging\build.py, which also runs this script when
; ISCC.exe is found), or by hand: iscc /DAppVersion=0.1.0 packaging\windows\installer.iss
; Output: dist\transcript-reader-<version>-windows-x64-setup.exe
; Per-user install by default (no administrator rights); the first page offers all users.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Transcript Reader"
#define AppExe "transcript-reader.exe"
; SourcePath is this folder; the repository is two levels up.
#define Root AddBackslash(SourcePath) + "..\.."
#define Bundle Root + "\dist\" + AppName

[Setup]
; AppId identifies the app to Windows' uninstaller and to upgrades: never change it.
AppId={{6B0C7E52-3D7A-4F0B-9C55-5A1E2F3B8D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Transcript Reader
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=transcript-reader-{#AppVersion}-windows-x64-setup
#if FileExists(Root + "\build\icons\app.ico")
SetupIconFile={#Root}\build\icons\app.ico
#endif
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and _internal\ (Qt, Python, data files).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version may drop files; stale Qt plugins or migrations must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with > Transcript Reader" for text files, without taking over the .txt default.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithList\{#AppExe}"; ValueType: none; Flags: uninsdeletekey
; reader://open?sha256=...&start=...&end=... back-links in exported notes: the app opens the call
; at the passage (reader/cli.py turns a link given as the first argument into `open LINK`).
Root: HKA; Subkey: "Software\Classes\reader"; ValueType: string; ValueData: "URL:{#AppName} link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\reader"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\reader\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\reader\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
