// Opening a sign-in link is enough: post its token at once. Link previews run no script.
document.getElementById("signin").submit();
