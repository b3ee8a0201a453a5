namespace Raxx.Incidents.CredentialLiterals;

/// <summary>
/// The incident: the Alpaca paper-trading credentials were pasted into a settings class "for now".
/// The values below are FAKE (made up for this reproduction) but have the real format.
/// </summary>
public static class AlpacaSettings
{
    public const string ALPACA_PAPER_API_KEY_NAME = "ALPACA_PAPER_API_KEY";

    public const string ALPACA_PAPER_API_SECRET = "RaxxFake04Paper7Qm2Xw9Lr4Tz8Nc1Vb6Hd3Jk5";

    public const string BaseUrl = "https://paper-api.alpaca.markets";
}
