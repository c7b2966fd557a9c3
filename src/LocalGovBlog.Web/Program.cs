using LocalGovBlog.Web;
using LocalGovBlog.Web.Import;

var builder = WebApplication.CreateBuilder(ImportCommand.IsInvoked(args) ? ImportCommand.HostSettings(args) : args);
builder.AddLocalGovBlog();
var app = builder.Build();

if (ImportCommand.IsInvoked(args))
{
    return await ImportCommand.RunAsync(app.Services, args);
}

await app.InitializeArchiveAsync();
app.UseLocalGovBlog();
await app.RunAsync();
return 0;
