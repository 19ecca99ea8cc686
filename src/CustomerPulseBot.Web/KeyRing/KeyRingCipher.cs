using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.KeyRing;

/// <summary>
/// Encrypts each key of the Data Protection key ring with AES-256-GCM under <c>DataProtection:KeyRingKey</c> before it is
/// stored, and decrypts it when a host reads the ring: the database alone gives away no key, so no Slack token.
/// Stored as base64 of nonce, ciphertext and tag.
/// </summary>
internal sealed class KeyRingCipher : IXmlEncryptor, IXmlDecryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly XName Element = "keyRingSecret";

    /// <summary>Bound into the tag: what was encrypted for anything else does not decrypt as a key of this ring.</summary>
    private static readonly byte[] Purpose = "CustomerPulseBot.KeyRing.v1"u8.ToArray();

    private readonly byte[] key;

    public KeyRingCipher(byte[] key) => this.key = key;

    /// <summary>Data Protection makes the decryptor through this constructor, from the type name stored with each key.</summary>
    public KeyRingCipher(IServiceProvider services)
        : this(services.GetRequiredService<IOptions<KeyRingOptions>>().Value.Key()
            ?? throw new CryptographicException($"A key of the Data Protection key ring is encrypted, and {KeyRingOptions.Setting} is not set."))
    {
    }

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedKey = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedKey.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedKey.AsSpan(NonceBytes, plaintext.Length), sealedKey.AsSpan(NonceBytes + plaintext.Length), Purpose);
        return new EncryptedXmlInfo(new XElement(Element, Convert.ToBase64String(sealedKey)), typeof(KeyRingCipher));
    }

    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedKey = new byte[encryptedElement.Value.Length];
        if (encryptedElement.Name != Element
            || !Convert.TryFromBase64String(encryptedElement.Value, sealedKey, out var length)
            || length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("An encrypted key of the Data Protection key ring is damaged.");
        }

        var plaintext = new byte[length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedKey.AsSpan(0, NonceBytes), sealedKey.AsSpan(NonceBytes, plaintext.Length), sealedKey.AsSpan(length - TagBytes, TagBytes), plaintext, Purpose);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException(
                $"A key of the Data Protection key ring does not decrypt with {KeyRingOptions.Setting}: it was encrypted with another key, or changed.", e);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
