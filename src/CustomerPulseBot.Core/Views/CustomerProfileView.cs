using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// <c>customer Acme</c>: what the CRM knows of the customer, how many signals name it, its themes by signals (most
/// first; null is the untagged) and its newest quotes.
/// </summary>
public sealed record CustomerProfileView(CustomerProfile Customer, int Signals, IReadOnlyList<ThemeStats> Themes, IReadOnlyList<Signal> Newest) : View;
