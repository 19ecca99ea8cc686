namespace CustomerPulseBot.Core.Themes;

public enum ThemeStatus
{
    Open,
    Planned,
    Shipped,
    WontFix,
}
