using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Data Protection's key ring in the store's own database (<see cref="StorageSetup.PersistKeysToPulseStore"/>), so every
/// host reads the same keys and a new disk loses none. Data Protection calls it synchronously: when a host opens the
/// ring at start, when it makes a new key (every 90 days), and when it reads the ring again (daily, in the background).
/// Each call is one statement, held to Storage:Timeout.
/// </summary>
internal sealed class DatabaseKeyRing(SqlPulseStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ReadKeyRingAsync(CancellationToken.None).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddToKeyRingAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
}
