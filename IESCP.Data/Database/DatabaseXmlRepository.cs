using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Database;

/// <summary>
/// Stands in for Microsoft.AspNetCore.DataProtection.EntityFrameworkCore, which the package
/// registry here lacks: the key ring in the app's own database, so every instance, restart and
/// process (tests run several at once) signs and reads cookies and antiforgery tokens with the
/// same keys, instead of each keeping keys of its own in a folder.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<IescpDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
