using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Customers;

/// <summary>
/// One named customer behind a set of signals. <paramref name="Name"/> is the spelling used most in the
/// workspace ("Acme" over "ACME"); <paramref name="Latest"/> is their newest quote in the set.
/// </summary>
public sealed record CustomerStats(string Name, int Signals, Signal Latest);
