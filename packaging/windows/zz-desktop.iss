; Inno Setup script for the Windows installer of Zukunftszentren Desktop (see README.md here).
; Input: the one-folder build in dist\zz-desktop\ (pyinstaller packaging\zz-desktop.spec).
; Build: iscc /DAppVersion=0.1.0 packaging\windows\zz-desktop.iss  ->  dist\zz-desktop-0.1.0-setup.exe
; Per-user install without admin rights by default (advisors rarely have them); profiles and
; keys live in the user's profile and the Windows Credential Manager, never in {app}.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (from pyproject.toml)
#endif

[Setup]
; A fixed AppId: upgrades replace the earlier version instead of installing beside it.
AppId={{6B1F2A0E-5C3D-4E8B-9A71-2D4C8E0F1A35}
AppName=Zukunftszentren Desktop
AppVersion={#AppVersion}
AppPublisher=Zukunftszentren
DefaultDirName={autopf}\Zukunftszentren Desktop
DefaultGroupName=Zukunftszentren Desktop
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=zz-desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\zz-desktop.exe
CloseApplications=yes

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\zz-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Zukunftszentren Desktop"; Filename: "{app}\zz-desktop.exe"
Name: "{group}\{cm:UninstallProgram,Zukunftszentren Desktop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Zukunftszentren Desktop"; Filename: "{app}\zz-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\zz-desktop.exe"; Description: "{cm:LaunchProgram,Zukunftszentren Desktop}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program only: profiles (encrypted records) stay in %LOCALAPPDATA%.
