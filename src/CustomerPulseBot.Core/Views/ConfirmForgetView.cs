namespace CustomerPulseBot.Core.Views;

/// <summary>
/// "Erase N signals of X? This cannot be undone", with Confirm and Cancel: <paramref name="Value"/> is what Confirm
/// carries (<see cref="Customers.ForgetConfirmation"/>), bound to the workspace and the person it was offered to.
/// </summary>
public sealed record ConfirmForgetView(string Customer, int Signals, string Value) : View;
