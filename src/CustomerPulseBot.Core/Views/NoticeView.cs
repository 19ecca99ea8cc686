namespace CustomerPulseBot.Core.Views;

/// <summary>A short confirmation or status line ("Merged #a into #b").</summary>
public sealed record NoticeView(string Title, string Text) : View;
