// Placeholder so the library exists before its first source; delete when a real .cc lands.
namespace policykg {
int queries_placeholder = 0;
}  // namespace policykg
