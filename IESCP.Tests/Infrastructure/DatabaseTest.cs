namespace IESCP.Tests.Infrastructure;

/// <summary>A fresh database for every test, for tests that count or order everything in it.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();

    public Task InitializeAsync() => Db.InitializeAsync();

    public Task DisposeAsync() => Db.DisposeAsync();
}
