using LocalGovBlog.Web;
using LocalGovBlog.Web.Export;
using LocalGovBlog.Web.Import;

var builder = WebApplication.CreateBuilder(
    ImportCommand.IsInvoked(args) ? ImportCommand.HostSettings(args) : ExportCommand.IsInvoked(args) ? ExportCommand.HostSettings(args) : args);
builder.AddLocalGovBlog();
var app = builder.Build();

if (ImportCommand.IsInvoked(args))
{
    return await ImportCommand.RunAsync(app.Services, args);
}
if (ExportCommand.IsInvoked(args))
{
    return await ExportCommand.RunAsync(app.Services, args);
}

await app.InitializeArchiveAsync();
app.UseLocalGovBlog();
await app.RunAsync();
return 0;
