namespace CustomerPulseBot.Core.Views;

/// <summary>
/// What an answer says, never how it looks: every renderer (Block Kit, Adaptive Cards) switches over
/// the closed set of views below.
/// </summary>
public abstract record View;
